import { describe, expect, it } from "vitest";
import { formatCountOf } from "./number.ts";

describe("counts with their noun", () => {
  it("chooses the form by the language's plural rules", () => {
    expect(formatCountOf(1, "product")).toBe("1 product");
    expect(formatCountOf(0, "review")).toBe("0 reviews");
    expect(formatCountOf(2, "star")).toBe("2 stars");
    expect(formatCountOf(1, "person", "people")).toBe("1 person");
    expect(formatCountOf(3, "person", "people")).toBe("3 people");
    expect(formatCountOf(1.5, "minute")).toBe("1.5 minutes");
    expect(formatCountOf(1234, "product")).toBe("1,234 products");
  });
});
