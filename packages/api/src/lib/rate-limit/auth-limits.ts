import { AppError } from "../../errors.ts";
import type { RateLimitStore } from "./store.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// The policy (docs/architecture.md, "Rate limits"):
// - sign-in: 5 attempts per 15 minutes for one account from one IP, then one attempt per delay
//   that doubles with each further failure (30 s, 1 min, 2 min … up to 15 min); at most 100
//   attempts per hour per account from anywhere; at most 50 failures per 15 minutes from one IP
//   across accounts. A successful sign-in clears the account-and-IP counter;
// - sign-up: 10 per hour per IP, 3 per hour per email (each sends that address an email), and
//   20 bad confirmation links per hour per IP;
// - password reset: 3 requests per hour per email and 10 per IP; 20 bad reset tokens per hour per IP.
export const limits = {
  signInAccountIp: { max: 5, windowMs: 15 * MINUTE, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
  signInAccount: { max: 100, windowMs: HOUR },
  signInIp: { max: 50, windowMs: 15 * MINUTE },
  signUpIp: { max: 10, windowMs: HOUR },
  signUpEmail: { max: 3, windowMs: HOUR },
  signUpTokenIp: { max: 20, windowMs: HOUR },
  resetEmail: { max: 3, windowMs: HOUR },
  resetIp: { max: 10, windowMs: HOUR },
  resetTokenIp: { max: 20, windowMs: HOUR },
  // Card testing: a stolen-card script tries many numbers; a shopper needs a few attempts.
  paymentAttemptsIp: { max: 10, windowMs: 10 * MINUTE },
} as const;

export function tooManyRequests(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError("RATE_LIMITED", `Too many attempts. Try again in ${describe(seconds)}.`, {
    retryAfterSeconds: seconds,
  });
}

function describe(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

const keys = {
  attempts: (email: string, ip: string) => `signin:attempts:${email}:${ip}`,
  gate: (email: string, ip: string) => `signin:gate:${email}:${ip}`,
  account: (email: string) => `signin:acct:${email}`,
  ip: (ip: string) => `signin:ip:${ip}`,
};

const delayFor = (attempt: number) => {
  const { max, baseDelayMs, maxDelayMs } = limits.signInAccountIp;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - max - 1));
};

/**
 * Reserves one sign-in attempt or throws RATE_LIMITED with a retry-after hint. Counters are
 * incremented before the password is checked, so concurrent attempts, even on different
 * instances sharing Redis, cannot slip past the limit together: of the attempts beyond the
 * fifth, only the one that takes the gate goes ahead, and the gate then stays shut for a delay
 * that doubles with each further failure.
 */
export async function beginSignInAttempt(store: RateLimitStore, email: string, ip: string): Promise<void> {
  const gate = keys.gate(email, ip);
  const wait = await store.blockedFor(gate);
  if (wait > 0) throw tooManyRequests(wait);
  const fromIp = await store.get(keys.ip(ip));
  if (fromIp && fromIp.count >= limits.signInIp.max) throw tooManyRequests(fromIp.resetAt - Date.now());
  const account = await store.increment(keys.account(email), limits.signInAccount.windowMs);
  if (account.count > limits.signInAccount.max) throw tooManyRequests(account.resetAt - Date.now());
  const attempts = await store.increment(keys.attempts(email, ip), limits.signInAccountIp.windowMs);
  if (attempts.count > limits.signInAccountIp.max && !(await store.acquire(gate, delayFor(attempts.count)))) {
    throw tooManyRequests(await store.blockedFor(gate));
  }
}

export async function recordSignInFailure(store: RateLimitStore, email: string, ip: string): Promise<void> {
  await store.increment(keys.ip(ip), limits.signInIp.windowMs);
  const attempts = await store.get(keys.attempts(email, ip));
  if (attempts && attempts.count >= limits.signInAccountIp.max) {
    await store.block(keys.gate(email, ip), delayFor(attempts.count + 1));
  }
}

export async function recordSignInSuccess(store: RateLimitStore, email: string, ip: string): Promise<void> {
  await Promise.all([store.reset(keys.attempts(email, ip)), store.reset(keys.gate(email, ip))]);
}

/** Counts one attempt against a simple fixed-window rule; throws once it is exceeded. */
export async function consume(
  store: RateLimitStore,
  key: string,
  rule: { max: number; windowMs: number },
): Promise<void> {
  const counter = await store.increment(key, rule.windowMs);
  if (counter.count > rule.max) throw tooManyRequests(counter.resetAt - Date.now());
}
