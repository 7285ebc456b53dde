import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@shop/auth";
import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import {
  beginSignInAttempt,
  recordSignInFailure,
  recordSignInSuccess,
  type RateLimitStore,
} from "../../lib/rate-limit/index.ts";
import { createSession, type AuthUser, type NewSession } from "./sessions.ts";

// One message for every failure, so sign-in never reveals whether an account exists.
const INVALID = "Email or password is incorrect";

export type SignInResult = NewSession & { user: AuthUser };

export async function signIn(
  db: PrismaClient,
  store: RateLimitStore,
  input: {
    email: string;
    password: string;
    audience: "storefront" | "admin";
    userAgent: string | null;
    ip: string | null;
  },
): Promise<SignInResult> {
  const ip = input.ip ?? "unknown";
  await beginSignInAttempt(store, input.email, ip);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password).then(() => false);
  if (!user?.passwordHash || !valid || user.disabledAt) {
    await recordSignInFailure(store, input.email, ip);
    throw new AppError("UNAUTHORIZED", INVALID);
  }
  await recordSignInSuccess(store, input.email, ip);
  if (input.audience === "admin" && user.role === "CUSTOMER") {
    throw new AppError("FORBIDDEN", "This account cannot sign in to the back office");
  }
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), passwordHash } });
  const session = await createSession(db, {
    userId: user.id,
    role: user.role,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  return { ...session, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

/** Checks a signed-in user's password (before sensitive changes), under the sign-in limits. */
export async function confirmPassword(
  db: PrismaClient,
  store: RateLimitStore,
  input: { userId: number; password: string; ip: string | null },
): Promise<{ email: string; name: string }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { email: true, name: true, passwordHash: true },
  });
  const ip = input.ip ?? "unknown";
  await beginSignInAttempt(store, user.email, ip);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    await recordSignInFailure(store, user.email, ip);
    throw new AppError("BAD_INPUT", "Your current password is incorrect", { field: "password" });
  }
  await recordSignInSuccess(store, user.email, ip);
  return { email: user.email, name: user.name };
}
