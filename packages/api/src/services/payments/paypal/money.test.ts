import { describe, expect, it } from "vitest";
import { fromPaypalValue, toPaypalValue } from "./money.ts";

describe("PayPal amounts", () => {
  it("turns minor units into PayPal's decimal strings per currency", () => {
    expect(toPaypalValue(1999, "USD")).toBe("19.99");
    expect(toPaypalValue(5, "EUR")).toBe("0.05");
    expect(toPaypalValue(100_000, "usd")).toBe("1000.00");
    expect(toPaypalValue(1500, "JPY")).toBe("1500");
    // The shop's minor units follow Intl (as formatMoney does): HUF has none there, TWD has two,
    // which PayPal refuses, so a TWD amount must be whole.
    expect(toPaypalValue(1234, "HUF")).toBe("1234");
    expect(toPaypalValue(123_400, "TWD")).toBe("1234");
    expect(() => toPaypalValue(123_450, "TWD")).toThrow(/whole amounts in TWD/);
    expect(() => toPaypalValue(1.5, "USD")).toThrow();
  });

  it("reads PayPal's strings back exactly, without floating point", () => {
    expect(fromPaypalValue("19.99", "USD")).toBe(1999);
    expect(fromPaypalValue("0.1", "EUR")).toBe(10);
    expect(fromPaypalValue("1000", "USD")).toBe(100_000);
    expect(fromPaypalValue("1500", "JPY")).toBe(1500);
    expect(fromPaypalValue("1234", "TWD")).toBe(123_400);
    expect(fromPaypalValue("1500.00", "JPY")).toBe(1500);
    expect(() => fromPaypalValue("1.234", "USD")).toThrow();
    expect(() => fromPaypalValue("-1.00", "USD")).toThrow();
    for (const minor of [0, 1, 99, 1001, 123_456_789])
      expect(fromPaypalValue(toPaypalValue(minor, "USD"), "USD")).toBe(minor);
  });
});
