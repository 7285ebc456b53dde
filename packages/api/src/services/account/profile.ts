import { hashPassword } from "@shop/auth";
import type { Prisma, PrismaClient } from "@shop/db";
import { AppError, isUniqueViolation } from "../../errors.ts";
import type { RateLimitStore } from "../../lib/rate-limit/index.ts";
import { known } from "../../lib/sql.ts";
import { confirmPassword } from "../auth/sign-in.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { emailChangedEmail, passwordChangedEmail } from "../email/templates.ts";

export const profileSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
  defaultShippingAddressId: true,
  defaultBillingAddressId: true,
} satisfies Prisma.UserSelect;

export async function getProfile(db: PrismaClient, userId: number) {
  return known(await db.user.findUniqueOrThrow({ where: { id: userId }, select: profileSelect }));
}

export async function updateProfile(db: PrismaClient, userId: number, input: { name: string }) {
  return known(await db.user.update({ where: { id: userId }, data: { name: input.name }, select: profileSelect }));
}

/** New password after re-entering the current one; every other session ends. */
export async function changePassword(
  db: PrismaClient,
  store: RateLimitStore,
  input: { userId: number; sessionId: string; currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const user = await confirmPassword(db, store, {
    userId: input.userId,
    password: input.currentPassword,
    ip: input.ip,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: input.userId, id: { not: input.sessionId } } });
    await enqueueEmail(tx, { to: user.email, template: "password-changed", email: passwordChangedEmail(user) });
  });
}

/** New email after re-entering the password; the old address is told about it. */
export async function changeEmail(
  db: PrismaClient,
  store: RateLimitStore,
  input: { userId: number; email: string; password: string; ip: string | null },
) {
  const user = await confirmPassword(db, store, { userId: input.userId, password: input.password, ip: input.ip });
  if (user.email === input.email) return getProfile(db, input.userId);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: input.userId },
        data: { email: input.email, emailVerifiedAt: null },
        select: profileSelect,
      });
      await enqueueEmail(tx, {
        to: user.email,
        template: "email-changed",
        email: emailChangedEmail({ name: user.name, newEmail: input.email }),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "Another account already uses this email address", { field: "email" });
    throw error;
  }
}
