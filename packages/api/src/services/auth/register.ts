import { generateToken, hashPassword, hashSecret, secretMatches, splitToken } from "@shop/auth";
import type { PrismaClient } from "@shop/db";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { consume, limits, tooManyRequests, type RateLimitStore } from "../../lib/rate-limit/index.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { accountExistsEmail, confirmSignUpEmail } from "../email/templates.ts";
import { createSession, type AuthUser, type NewSession } from "./sessions.ts";

const SIGN_UP_TTL_MS = 24 * 60 * 60_000;
const INVALID = "This link is invalid or has expired. Sign up again to get a new one.";

/**
 * Starts a sign-up (OWASP's pattern): the caller always gets the same answer after the same work
 * (a password hash and one email), whether or not the address has an account. A new address gets
 * a link that creates the account; an address with an account tells its owner someone tried.
 */
export async function requestSignUp(
  db: PrismaClient,
  store: RateLimitStore,
  input: { name: string; email: string; password: string; ip: string | null; publicUrl: string },
): Promise<void> {
  await consume(store, `signup:ip:${input.ip ?? "unknown"}`, limits.signUpIp);
  await consume(store, `signup:email:${input.email}`, limits.signUpEmail);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { name: true } });
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (existing) {
      const email = accountExistsEmail({
        name: existing.name,
        signInUrl: `${input.publicUrl}/sign-in`,
        resetUrl: `${input.publicUrl}/forgot-password`,
      });
      await enqueueEmail(tx, { to: input.email, template: "account-exists", email });
      return;
    }
    // Only the newest link for an address works; expired requests go as they are passed.
    await tx.signUpRequest.deleteMany({ where: { OR: [{ email: input.email }, { expiresAt: { lt: now } }] } });
    const { id, secret, token } = generateToken();
    await tx.signUpRequest.create({
      data: {
        id,
        secretHash: hashSecret(secret),
        email: input.email,
        name: input.name,
        passwordHash,
        expiresAt: new Date(now.getTime() + SIGN_UP_TTL_MS),
      },
      select: { id: true },
    });
    const url = `${input.publicUrl}/sign-up/confirm#token=${encodeURIComponent(token)}`;
    await enqueueEmail(tx, {
      to: input.email,
      template: "confirm-sign-up",
      email: confirmSignUpEmail({ name: input.name, url }),
    });
  });
}

/** Creates the account of a confirmed sign-up, once, and signs it in. */
export async function confirmSignUp(
  db: PrismaClient,
  store: RateLimitStore,
  input: { token: string; ip: string | null; userAgent: string | null },
): Promise<NewSession & { user: AuthUser }> {
  const ipKey = `signup-token:ip:${input.ip ?? "unknown"}`;
  const failures = await store.get(ipKey);
  if (failures && failures.count >= limits.signUpTokenIp.max) throw tooManyRequests(failures.resetAt - Date.now());
  const parts = splitToken(input.token);
  const request = parts ? await db.signUpRequest.findUnique({ where: { id: parts.id } }) : null;
  if (!parts || !request || !secretMatches(parts.secret, request.secretHash) || request.expiresAt <= new Date()) {
    await store.increment(ipKey, limits.signUpTokenIp.windowMs);
    throw new AppError("BAD_INPUT", INVALID, { field: "token" });
  }
  const now = new Date();
  const user = await db
    .$transaction(async (tx) => {
      // Deleting the request is the single-use guarantee: of two concurrent confirmations, one wins.
      const claimed = await tx.signUpRequest.deleteMany({ where: { id: request.id } });
      if (claimed.count !== 1) throw new AppError("BAD_INPUT", INVALID, { field: "token" });
      return tx.user.create({
        data: {
          name: request.name,
          email: request.email,
          passwordHash: request.passwordHash,
          emailVerifiedAt: now,
          lastSignInAt: now,
        },
        select: { id: true, email: true, name: true, role: true },
      });
    })
    .catch((error: unknown) => {
      // The address got an account meanwhile (another link, or staff): this link is spent.
      if (isUniqueViolation(error)) throw new AppError("BAD_INPUT", INVALID, { field: "token" });
      throw error;
    });
  const session = await createSession(db, {
    userId: user.id,
    role: user.role,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  return { ...session, user };
}
