import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./deliver.ts";

describe("webhook retry schedule", () => {
  it("waits 30 s, then twice as long each time, at most an hour: about 30 tries in 24 hours", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
    let elapsed = 0;
    let tries = 0;
    while (elapsed <= 24 * 3_600_000) elapsed += retryDelayMs(++tries);
    expect(tries).toBeGreaterThan(25);
    expect(tries).toBeLessThan(35);
  });
});
