import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { SIGNATURE_HEADER, signatureHeader } from "@shop/webhooks";
import { isIP } from "node:net";
import { guardedLookup, isPrivateAddress } from "./address-guard.ts";

export type SendOptions = {
  /** Each request (connect, send, answer) is abandoned after this. */
  timeoutMs: number;
  /** Loopback and private addresses allowed (tests, a receiver on the same network). */
  allowPrivate: boolean;
};

export type SendResult = {
  ok: boolean;
  status: number | null;
  /** The start of the answer, kept for the admin. */
  body: string | null;
  error: string | null;
  durationMs: number;
};

const KEEP_CHARS = 2_000;
const READ_BYTES = 16_384;

/**
 * POSTs a signed event. Redirects are not followed (a 3xx is a failure), the address is checked
 * on every connection, and the answer is read only up to a few kilobytes.
 */
export function sendWebhook(
  target: { url: string; secret: string },
  event: { id: string; type: string; body: string },
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target.url);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  // The real time, whatever clock schedules retries: receivers refuse old signatures (replays).
  const timestamp = Math.floor(Date.now() / 1000);
  // An address in the URL is connected to without a lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({
      ok: false,
      status: null,
      body: null,
      error: `${host} is a private address`,
      durationMs: 0,
    });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = request(
      url,
      {
        method: "POST",
        // A fresh connection each time: its address is checked by the lookup, and a receiver that
        // restarted does not meet a stale kept-alive socket.
        agent: false,
        lookup: guardedLookup(options.allowPrivate),
        headers: {
          "content-type": "application/json",
          "user-agent": "Shop-Webhooks/1",
          [SIGNATURE_HEADER]: signatureHeader(target.secret, timestamp, event.body),
          "shop-event-id": event.id,
          "shop-event-type": event.type,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const body = Buffer.concat(chunks).toString("utf8").slice(0, KEEP_CHARS);
          finish({ ok, status, body, error: ok ? null : `HTTP ${status}` });
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= READ_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on("end", done);
        res.on("error", (error) =>
          finish({ ok: false, status: res.statusCode ?? null, body: null, error: error.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, body: null, error: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on("error", (error) => finish({ ok: false, status: null, body: null, error: error.message || String(error) }));
    req.end(event.body);
  });
}
