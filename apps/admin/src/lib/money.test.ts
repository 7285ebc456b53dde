import { describe, expect, it } from "vitest";
import { moneyText, parseMoney } from "./money.ts";

describe("money fields", () => {
  it("reads major units as integer minor units", () => {
    expect(parseMoney("12", "USD")).toBe(1200);
    expect(parseMoney(" 12.5 ", "USD")).toBe(1250);
    expect(parseMoney("1,234.56", "USD")).toBe(123456);
    expect(parseMoney("0.07", "USD")).toBe(7);
    expect(parseMoney("19.99", "USD")).toBe(1999);
    expect(parseMoney("500", "JPY")).toBe(500);
  });

  it("gives null for nothing and NaN for what is not an amount", () => {
    expect(parseMoney("  ", "USD")).toBeNull();
    expect(parseMoney("-3", "USD")).toBeNaN();
    expect(parseMoney("1.234", "USD")).toBeNaN();
    expect(parseMoney("1.5", "JPY")).toBeNaN();
    expect(parseMoney("ten", "USD")).toBeNaN();
  });

  it("writes minor units back as field text", () => {
    expect(moneyText(1250, "USD")).toBe("12.50");
    expect(moneyText(500, "JPY")).toBe("500");
    expect(moneyText(null, "USD")).toBe("");
  });
});
