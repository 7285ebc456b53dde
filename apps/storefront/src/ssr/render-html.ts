import { Writable } from "node:stream";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

const RENDER_TIMEOUT_MS = 10_000;

/**
 * React's streaming renderer into one string. Loaders have already waited for every query, so the
 * page has no pending boundary and React writes it in one pass (a late boundary would need an
 * inline script to reveal, which the shop's CSP forbids). The whole document is kept so the server
 * can cache and compress it; `bootstrapModules` adds the entry script at the end of <body>.
 */
export function renderToHtml(element: ReactNode, entry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let failure: unknown = null;
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        done();
      },
    });
    sink.on("finish", () => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
    const stream = renderToPipeableStream(element, {
      bootstrapModules: [entry],
      onAllReady: () => stream.pipe(sink),
      onShellError: (error) => {
        clearTimeout(timer);
        reject(error);
      },
      onError: (error) => {
        failure ??= error;
      },
    });
    const timer = setTimeout(() => stream.abort(new Error("rendering took too long")), RENDER_TIMEOUT_MS);
  });
}
