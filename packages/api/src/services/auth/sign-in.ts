import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@shop/auth";
import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { createSession, type AuthUser, type NewSession } from "./sessions.ts";

// One message for every failure, so sign-in never reveals whether an account exists.
const INVALID = "Email or password is incorrect";

export type SignInResult = NewSession & { user: AuthUser };

export async function signIn(
  db: PrismaClient,
  input: {
    email: string;
    password: string;
    audience: "storefront" | "admin";
    userAgent: string | null;
    ip: string | null;
  },
): Promise<SignInResult> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    throw new AppError("UNAUTHORIZED", INVALID);
  }
  if (!(await verifyPassword(user.passwordHash, input.password)) || user.disabledAt) {
    throw new AppError("UNAUTHORIZED", INVALID);
  }
  if (input.audience === "admin" && user.role === "CUSTOMER") {
    throw new AppError("FORBIDDEN", "This account cannot sign in to the back office");
  }
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), passwordHash } });
  const session = await createSession(db, { userId: user.id, role: user.role, userAgent: input.userAgent, ip: input.ip });
  return { ...session, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
