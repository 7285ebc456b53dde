import { describe, expect, it } from "vitest";
import { runInBatches } from "./batches.ts";

const ids = Array.from({ length: 23 }, (_, index) => index + 1);

describe("runInBatches", () => {
  it("works through every id in order, a batch at a time, reporting progress after each", async () => {
    const seen: number[][] = [];
    const progress: number[] = [];
    const result = await runInBatches(
      ids,
      10,
      async (batch) => seen.push(batch),
      (done) => progress.push(done),
    );
    expect(seen.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(seen.flat()).toEqual(ids);
    expect(progress).toEqual([10, 20, 23]);
    expect(result).toEqual({ done: 23, failed: null });
  });

  it("stops at the first failure and says which ids were not touched", async () => {
    const result = await runInBatches(
      ids,
      10,
      async (batch) => {
        if (batch.includes(15)) throw new Error("refused");
      },
      () => {},
    );
    expect(result.done).toBe(10);
    expect(result.failed?.remaining).toEqual(ids.slice(10));
    expect(String(result.failed?.error)).toContain("refused");
  });
});
