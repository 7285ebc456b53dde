import { hash, verify } from "@node-rs/argon2";
import { createLimiter } from "./limiter.ts";

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. Raising these makes every stored
// hash "outdated", and it is rehashed at the next successful sign-in.
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const limit = createLimiter(4);
// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return limit(() => hash(password, { algorithm: ARGON2ID, ...ARGON2_PARAMS }));
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await limit(() => verify(storedHash, password));
  } catch {
    // A malformed stored hash never matches.
    return false;
  }
}

/** True when the hash was made with other parameters than today's (or another algorithm). */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [, m, t, p] = match.map(Number);
  return m !== ARGON2_PARAMS.memoryCost || t !== ARGON2_PARAMS.timeCost || p !== ARGON2_PARAMS.parallelism;
}

// A fixed hash to verify against when the account does not exist, so a sign-in for an unknown
// email costs the same time as one for a known email.
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-real-password");
  return dummyHash.then((stored) => verifyPassword(stored, password));
}
