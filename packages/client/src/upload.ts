import type { AppRouter } from "@shop/api";
import { TRPCClientError } from "@trpc/client";
import superjson, { type SuperJSONResult } from "superjson";

// Plain guards rather than zod: this module is part of @shop/client's entry, which the
// storefront's first page loads, and zod alone would add about 25 kB gzip to it.
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isSerialized = (value: unknown): value is SuperJSONResult => isRecord(value) && "json" in value;

type Envelope = { result: { data: SuperJSONResult } } | { error: SuperJSONResult };

function parse(text: string): Envelope | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(body)) return null;
  if (isRecord(body.result) && isSerialized(body.result.data)) return { result: { data: body.result.data } };
  if (isSerialized(body.error)) return { error: body.error };
  return null;
}

/**
 * Calls a tRPC procedure that takes a binary body (`application/octet-stream`) and reports the
 * upload's progress (0 to 1) as the bytes leave the browser: XMLHttpRequest, because fetch
 * cannot. The answer is read as tRPC's client would: the result, or a TRPCClientError carrying
 * the server's message and code, so the usual error helpers apply.
 */
export function postBinary<TOutput>(url: string, body: Blob, onProgress: (fraction: number) => void): Promise<TOutput> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    // Cross-origin only when the API lives elsewhere (VITE_API_URL): cookies go along, as with fetch.
    xhr.withCredentials = new URL(url, location.href).origin !== location.origin;
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      const envelope = parse(xhr.responseText);
      if (envelope && "result" in envelope && xhr.status < 300) {
        onProgress(1);
        return resolve(superjson.deserialize<TOutput>(envelope.result.data));
      }
      if (envelope && "error" in envelope)
        return reject(TRPCClientError.from<AppRouter>({ error: superjson.deserialize(envelope.error) }));
      reject(TRPCClientError.from<AppRouter>(new Error(`The server answered ${xhr.status}`)));
    });
    const failed = () => reject(TRPCClientError.from<AppRouter>(new Error("The upload did not reach the shop")));
    xhr.addEventListener("error", failed);
    xhr.addEventListener("abort", failed);
    xhr.send(body);
  });
}
