import { TOO_LARGE_MESSAGE, UPLOAD_LIMITS } from "@shop/media";
import { TRPCError, type AnyTRPCRouter } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { IncomingMessage } from "node:http";

// Binary procedure inputs (`application/octet-stream`: image uploads) reach tRPC as a stream
// read with backpressure, never buffered whole. tRPC's own adapter reads the request in flowing
// mode into an unbounded queue, and cancelling its stream destroys the socket (no answer reaches
// the client); this one pauses the socket instead, so a refusal is a readable 413.

/** An image, its metadata line and some slack: nothing streamed may be longer. */
export const STREAM_LIMIT = UPLOAD_LIMITS.bytes + 64 * 1024;
/** Read and dropped after a refusal so the client gets to read it; past this, the socket is cut. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

export function isStreamed(request: FastifyRequest): boolean {
  return (
    request.method === "POST" &&
    request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() === "application/octet-stream"
  );
}

/** The request body as a stream that reads the socket only as fast as it is consumed, up to `limit` bytes. */
export function streamedBody(raw: IncomingMessage, limit: number) {
  let size = 0;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const onData = (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > limit) {
      stop();
      controller?.error(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE }));
      return;
    }
    controller?.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller?.desiredSize ?? 0) <= 0) raw.pause();
  };
  const onEnd = () => {
    stop();
    controller?.close();
  };
  const onError = (error: Error) => {
    stop();
    controller?.error(error);
  };
  function stop() {
    raw.off("data", onData).off("end", onEnd).off("error", onError).pause();
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(opened) {
        controller = opened;
        raw.on("data", onData).on("end", onEnd).on("error", onError).pause();
      },
      pull() {
        raw.resume();
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  /**
   * After the answer: whatever the procedure did not read is dropped (not kept), so the client,
   * still sending, can finish and read the answer on a connection that stays usable. A client
   * that keeps sending past DISCARD_LIMIT loses the connection.
   */
  const discardRest = () => {
    if (raw.readableEnded) return;
    stop();
    let dropped = 0;
    raw.on("data", (chunk: Buffer) => {
      dropped += chunk.byteLength;
      if (dropped > DISCARD_LIMIT) raw.destroy();
    });
    raw.resume();
  };
  return { body, discardRest };
}

type Options = {
  router: AnyTRPCRouter;
  path: string;
  createContext: () => Promise<unknown>;
  onError: (error: TRPCError, path: string | undefined) => void;
};

/** A streamed tRPC call: what `fastifyRequestHandler` does, with the body from `streamedBody`. */
export async function streamedCall(req: FastifyRequest, res: FastifyReply, options: Options) {
  const declared = Number(req.headers["content-length"]);
  const { body, discardRest } = streamedBody(req.raw, STREAM_LIMIT);
  const aborted = new AbortController();
  res.raw.once("close", () => {
    if (!res.raw.writableEnded) aborted.abort();
  });
  const request = new Request(new URL(req.url, `${req.protocol}://${req.host}`), {
    method: req.method,
    headers: new Headers(
      Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
    ),
    body,
    duplex: "half",
    signal: aborted.signal,
  });
  const response = await resolveResponse({
    router: options.router,
    req: request,
    path: options.path,
    error: declared > STREAM_LIMIT ? new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE_MESSAGE }) : null,
    createContext: options.createContext,
    onError: ({ error, path }) => options.onError(error, path),
  });
  discardRest();
  return res.send(response);
}
