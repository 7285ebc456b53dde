import { hashPassword } from "@shop/auth";
import type { PrismaClient } from "@shop/db";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { consume, limits } from "../../lib/rate-limit/index.ts";
import type { RateLimitStore } from "../../lib/rate-limit/index.ts";
import { createSession, type AuthUser, type NewSession } from "./sessions.ts";

/** Creates a shopper account and signs it in. Emails are unique case-insensitively. */
export async function register(
  db: PrismaClient,
  store: RateLimitStore,
  input: { name: string; email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<NewSession & { user: AuthUser }> {
  await consume(store, `signup:ip:${input.ip ?? "unknown"}`, limits.signUpIp);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, lastSignInAt: new Date() },
      select: { id: true, email: true, name: true, role: true },
    });
    const session = await createSession(db, {
      userId: user.id,
      role: user.role,
      userAgent: input.userAgent,
      ip: input.ip,
    });
    return { ...session, user };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in, or reset your password.");
    }
    throw error;
  }
}
