import { ImageTooLarge, TOO_LARGE_MESSAGE, UPLOAD_LIMITS } from "./prepare.ts";

/**
 * Reads an uploaded file into memory, at most `limit` bytes: one byte more and it stops reading
 * (cancelling the stream, so the rest is never taken) and refuses the file. The pipeline needs
 * the whole file (sharp decodes it several times, once per width); 5 MB is what that may cost.
 */
export async function readUpload(stream: ReadableStream<Uint8Array>, limit: number = UPLOAD_LIMITS.bytes) {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ImageTooLarge(TOO_LARGE_MESSAGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
