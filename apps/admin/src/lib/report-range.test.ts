import { describe, expect, it } from "vitest";
import { percentChange, rangeFromParams, rangeToParams } from "./report-range.ts";

describe("report ranges in the URL", () => {
  it("defaults to the last 30 days by day, and 12 months by month", () => {
    expect(rangeFromParams(new URLSearchParams())).toEqual({ preset: "30d", granularity: "day" });
    expect(rangeFromParams(new URLSearchParams("range=12m"))).toEqual({ preset: "12m", granularity: "month" });
  });

  it("round-trips a custom range and ignores a custom range without dates", () => {
    const range = { preset: "custom", from: "2026-01-01", to: "2026-01-31", granularity: "week" } as const;
    expect(rangeFromParams(rangeToParams(range))).toEqual(range);
    expect(rangeFromParams(new URLSearchParams("range=custom&from=2026-01-01"))).toEqual({
      preset: "30d",
      granularity: "day",
    });
  });

  it("computes the change against the previous period", () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(-50, 100)).toBe(-150);
    expect(percentChange(10, 0)).toBeNull();
  });
});
