import { describe, expect, it } from "vitest";
import { decimal } from "./csv.ts";

describe("decimal", () => {
  it("writes minor units as a plain decimal, negative amounts included", () => {
    expect(decimal(0)).toBe("0.00");
    expect(decimal(5)).toBe("0.05");
    expect(decimal(137_50)).toBe("137.50");
    expect(decimal(-1_005)).toBe("-10.05");
    expect(decimal(1_234_567_890_12)).toBe("1234567890.12");
  });
});
