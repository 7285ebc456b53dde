import { z } from "zod";
import { IdSchema } from "./common.ts";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths } from "./plain-text.ts";

/** The largest image the shop stores; the server stops reading an upload past it. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** The metadata line is small (an id and 200 characters of alt text, JSON-escaped). */
const MAX_META_BYTES = 4096;
const NEWLINE = 10;

/** What travels with an image: its product and its description. */
export const ImageUploadMetaSchema = z
  .object({
    productId: IdSchema,
    alt: z.string().trim().max(200, "At most 200 characters").default(""),
  })
  .strict();
export type ImageUploadMeta = z.input<typeof ImageUploadMetaSchema>;

/**
 * An upload's body: one line of JSON metadata, then the file's bytes as they are (no base64, no
 * multipart). The browser streams the file from disk; the server reads the line, then the bytes.
 */
export function imageUploadBody(meta: ImageUploadMeta, file: Blob): Blob {
  return new Blob([`${JSON.stringify(meta)}\n`, file]);
}

const isStream = (value: unknown): value is ReadableStream<Uint8Array> => value instanceof ReadableStream;
const StreamSchema = z.custom<ReadableStream<Uint8Array>>(isStream, "Send the image as a binary body");
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The stream with `first` put back in front of what its reader has not read yet. */
function prepend(first: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let pending = first.byteLength > 0 ? first : null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = null;
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** Reads the metadata line off the front of a body; null when there is none within 4 KB. */
async function splitMeta(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  let head = new Uint8Array(0);
  for (;;) {
    const newline = head.indexOf(NEWLINE);
    if (newline >= 0)
      return {
        line: new TextDecoder().decode(head.subarray(0, newline)),
        file: prepend(head.subarray(newline + 1), reader),
      };
    if (head.byteLength > MAX_META_BYTES) break;
    const { done, value } = await reader.read();
    if (done) break;
    const joined = new Uint8Array(head.byteLength + value.byteLength);
    joined.set(head);
    joined.set(value, head.byteLength);
    head = joined;
  }
  await reader.cancel();
  return null;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * `admin.products.uploadImage`'s input: the request body as a stream (over HTTP) or a Blob (a
 * caller in the same process). Only the metadata line is read here and checked like any other
 * input (control characters included: the router's check sees a stream, not this text); the
 * file is handed on unread, so the procedure decides how much of it to take.
 */
export const ImageUploadSchema = z
  .union([z.instanceof(Blob), StreamSchema])
  .transform(async (body, ctx) => {
    const split = await splitMeta(body instanceof Blob ? body.stream() : body);
    const meta = split ? parseJson(split.line) : undefined;
    if (!split || !isRecord(meta)) {
      ctx.addIssue({ code: "custom", message: "The upload must start with a line of JSON: its product and alt text" });
      return z.NEVER;
    }
    for (const path of controlCharacterPaths(meta))
      ctx.addIssue({ code: "custom", path, message: CONTROL_CHARACTER_MESSAGE });
    return { ...meta, file: split.file };
  })
  .pipe(ImageUploadMetaSchema.extend({ file: StreamSchema }));
