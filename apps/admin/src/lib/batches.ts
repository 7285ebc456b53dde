export type BatchResult = { done: number; failed: { error: unknown; remaining: number[] } | null };

/**
 * Runs `work` on `ids` a batch at a time, in order, reporting how many are done after each batch,
 * so a long bulk action shows progress. Each batch is all or nothing on the server; the first
 * failure stops the run and says which ids were left untouched.
 */
export async function runInBatches(
  ids: readonly number[],
  size: number,
  work: (batch: number[]) => Promise<unknown>,
  onProgress: (done: number) => void,
): Promise<BatchResult> {
  let done = 0;
  while (done < ids.length) {
    const batch = ids.slice(done, done + size);
    try {
      await work(batch);
    } catch (error) {
      return { done, failed: { error, remaining: ids.slice(done) } };
    }
    done += batch.length;
    onProgress(done);
  }
  return { done, failed: null };
}
