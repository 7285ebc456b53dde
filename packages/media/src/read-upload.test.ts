import { describe, expect, it } from "vitest";
import { ImageTooLarge } from "./prepare.ts";
import { readUpload } from "./read-upload.ts";

/** A stream of `count` chunks of `size` bytes that records how many were pulled and whether it was cancelled. */
function source(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled === count) return controller.close();
        seen.pulled += 1;
        controller.enqueue(new Uint8Array(size).fill(seen.pulled));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("reading an upload", () => {
  it("returns every byte of a file within the limit", async () => {
    const { stream } = source(3, 1000);
    const bytes = await readUpload(stream, 3000);
    expect(bytes.byteLength).toBe(3000);
    expect([bytes[0], bytes[1500], bytes[2999]]).toEqual([1, 2, 3]);
  });

  it("stops at the first byte past the limit, cancels the stream and reads no further", async () => {
    const { stream, seen } = source(1000, 1000);
    await expect(readUpload(stream, 5000)).rejects.toBeInstanceOf(ImageTooLarge);
    expect(seen).toEqual({ pulled: 6, cancelled: true });
  });
});
