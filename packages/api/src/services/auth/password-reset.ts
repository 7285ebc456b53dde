import { generateToken, hashPassword, hashSecret, secretMatches, splitToken } from "@shop/auth";
import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { consume, limits, tooManyRequests, type RateLimitStore } from "../../lib/rate-limit/index.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { passwordResetEmail } from "../email/templates.ts";
import { createSession, type AuthUser, type NewSession } from "./sessions.ts";

const RESET_TTL_MS = 60 * 60_000;
const INVALID = "This reset link is invalid or has expired. Ask for a new one.";

/**
 * A new single-use reset link for the user, valid for one hour; only the newest one works and
 * only a hash of its secret is stored. Call it in the transaction that sends or records it.
 */
export async function createResetLink(
  tx: Prisma.TransactionClient,
  userId: number,
  publicUrl: string,
): Promise<string> {
  const { id, secret, token } = generateToken();
  await tx.passwordResetToken.deleteMany({ where: { userId } });
  await tx.passwordResetToken.create({
    data: { id, secretHash: hashSecret(secret), userId, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  return `${publicUrl}/reset-password#token=${encodeURIComponent(token)}`;
}

/**
 * Emails a single-use reset link valid for one hour, through the outbox. Answers the same
 * whether or not the account exists; only a hash of the token's secret is stored.
 */
export async function requestPasswordReset(
  db: PrismaClient,
  store: RateLimitStore,
  input: { email: string; ip: string | null; publicUrl: string },
): Promise<void> {
  await consume(store, `reset:ip:${input.ip ?? "unknown"}`, limits.resetIp);
  await consume(store, `reset:email:${input.email}`, limits.resetEmail);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, disabledAt: true, passwordHash: true },
  });
  if (!user || user.disabledAt) return;
  await db.$transaction(async (tx) => {
    const url = await createResetLink(tx, user.id, input.publicUrl);
    await enqueueEmail(tx, {
      to: user.email,
      template: "password-reset",
      email: passwordResetEmail({ name: user.name, url }),
    });
  });
}

/**
 * Sets a new password from a reset token, once. Every existing session of the account ends;
 * the shopper is signed in afresh.
 */
export async function resetPassword(
  db: PrismaClient,
  store: RateLimitStore,
  input: { token: string; password: string; ip: string | null; userAgent: string | null },
): Promise<NewSession & { user: AuthUser }> {
  const ipKey = `reset-token:ip:${input.ip ?? "unknown"}`;
  const failures = await store.get(ipKey);
  if (failures && failures.count >= limits.resetTokenIp.max) throw tooManyRequests(failures.resetAt - Date.now());
  const parts = splitToken(input.token);
  const stored = parts
    ? await db.passwordResetToken.findUnique({
        where: { id: parts.id },
        select: {
          id: true,
          secretHash: true,
          expiresAt: true,
          usedAt: true,
          user: { select: { id: true, disabledAt: true } },
        },
      })
    : null;
  const valid =
    parts &&
    stored &&
    secretMatches(parts.secret, stored.secretHash) &&
    !stored.usedAt &&
    stored.expiresAt > new Date() &&
    !stored.user.disabledAt;
  if (!valid || !stored) {
    await store.increment(ipKey, limits.resetTokenIp.windowMs);
    throw new AppError("BAD_INPUT", INVALID, { field: "token" });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    // The conditional update is the single-use guarantee: of two concurrent resets, one wins.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: stored.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("BAD_INPUT", INVALID, { field: "token" });
    await tx.session.deleteMany({ where: { userId: stored.user.id } });
    await tx.passwordResetToken.deleteMany({ where: { userId: stored.user.id, id: { not: stored.id } } });
    return tx.user.update({
      where: { id: stored.user.id },
      data: { passwordHash, lastSignInAt: new Date() },
      select: { id: true, email: true, name: true, role: true },
    });
  });
  const session = await createSession(db, {
    userId: user.id,
    role: user.role,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  return { ...session, user };
}
