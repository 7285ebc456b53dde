import { createHmac, timingSafeEqual } from "node:crypto";

/** The request header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "Shop-Signature";
/** How old a signature a receiver accepts by default (replayed requests are older). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 over `<timestamp>.<body>` with the endpoint's secret, hex. */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The Shop-Signature header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Checks a request's Shop-Signature against the exact raw body: a v1 signature (several may be
 * present while a secret is rotated) must match in constant time, and the timestamp must be
 * within `toleranceSeconds` of now, so a captured request cannot be replayed later.
 */
export function verifySignature(input: {
  body: string;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): VerifyResult {
  if (!input.header) return { ok: false, reason: "no signature header" };
  const parts = input.header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  const signatures = parts.filter(([key, value]) => key === "v1" && value).map(([, value]) => value ?? "");
  if (!Number.isInteger(timestamp) || signatures.length === 0) return { ok: false, reason: "malformed signature" };
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: "timestamp outside the tolerance" };
  }
  const expected = Buffer.from(computeSignature(input.secret, timestamp, input.body), "hex");
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: "signature mismatch" };
}
