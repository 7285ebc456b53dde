import { describe, expect, it } from "vitest";
import { publicPath } from "./analytics.ts";

describe("publicPath", () => {
  it("keeps listing and product paths, hides order numbers", () => {
    expect(publicPath("/p/aurora-phone")).toBe("/p/aurora-phone");
    expect(publicPath("/c/phones")).toBe("/c/phones");
    expect(publicPath("/order-confirmation/1042")).toBe("/order-confirmation/-");
    expect(publicPath("/orders/1042")).toBe("/orders/-");
    expect(publicPath("/orders/lookup")).toBe("/orders/lookup");
    expect(publicPath("")).toBe("/");
    expect(publicPath(`/${"a".repeat(300)}`)).toHaveLength(200);
  });
});
