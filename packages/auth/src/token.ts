import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

// Lucia's current design: a token is `<id>.<secret>`. The id is a lookup key; only a SHA-256
// of the secret is stored, and it is compared in constant time, so a database leak or a
// timing probe yields no usable token.

export type SplitToken = { id: string; secret: string };

function randomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new token from the CSPRNG: 120-bit id, 160-bit secret. */
export function generateToken(): SplitToken & { token: string } {
  const id = randomString(15);
  const secret = randomString(20);
  return { id, secret, token: `${id}.${secret}` };
}

export function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(secret)));
}

const TOKEN_PATTERN = /^([a-z2-7]{24})\.([a-z2-7]{32})$/;

export function splitToken(token: string): SplitToken | null {
  const match = TOKEN_PATTERN.exec(token);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

/** Any token of this design inside a text (a link in an email, a log line). */
const TOKEN_IN_TEXT = /[a-z2-7]{24}\.[a-z2-7]{32}/g;

export const HIDDEN_TOKEN = "[hidden]";

/** The text with every token replaced, e.g. an email shown to someone it was not sent to. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, HIDDEN_TOKEN);
}
