import { describe, expect, it } from "vitest";
import { resolveRange } from "./range.ts";

describe("resolveRange", () => {
  it("counts today in a preset and compares with the same number of days before", () => {
    expect(resolveRange({ preset: "7d" }, "2026-03-10")).toEqual({
      from: "2026-03-04",
      to: "2026-03-10",
      previousFrom: "2026-02-25",
      previousTo: "2026-03-03",
      days: 7,
    });
  });

  it("makes twelve months end today, across a leap day", () => {
    expect(resolveRange({ preset: "12m" }, "2028-03-01")).toMatchObject({
      from: "2027-03-02",
      to: "2028-03-01",
      days: 366,
      previousTo: "2027-03-01",
    });
  });

  it("takes a custom range as given", () => {
    expect(resolveRange({ preset: "custom", from: "2026-01-01", to: "2026-01-31" }, "2026-06-01")).toMatchObject({
      from: "2026-01-01",
      to: "2026-01-31",
      previousFrom: "2025-12-01",
      previousTo: "2025-12-31",
      days: 31,
    });
  });
});
