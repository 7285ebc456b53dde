import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit, recordOperatorAudit } from "../audit/record.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { forcedPasswordResetEmail } from "../email/templates.ts";
import { createResetLink } from "./password-reset.ts";

// Two ways for the shop's owner to get someone (themselves included) back into an account, and
// neither hands the acting user a credential for another account:
// - an admin forces a reset from the admin: the password stops working, sessions end, and the
//   link goes to the account's own address only (the dev mailbox hides it like every secret);
// - an operator with shell access prints a link (`npm run user:reset-password`): whoever holds
//   the server's shell and database already holds every account.

/** Admin action: the account's password and sessions end; a reset link is emailed to it. */
export async function forcePasswordReset(
  db: PrismaClient,
  actor: { id: number; email: string },
  input: { userId: number; ip: string | null; publicUrl: string },
) {
  if (input.userId === actor.id)
    throw new AppError("FORBIDDEN", "Change your own password from your account, not here");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, email: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "Customer not found");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: user.id } });
    const url = await createResetLink(tx, user.id, input.publicUrl);
    await enqueueEmail(tx, {
      to: user.email,
      template: "password-reset",
      email: forcedPasswordResetEmail({ name: user.name, url }),
    });
    await recordAudit(tx, {
      actor,
      action: "user.password-reset",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded, linkSentTo: user.email },
      ip: input.ip,
    });
    return { id: user.id, sessionsEnded, linkSentTo: user.email };
  });
}

/**
 * Command line (`npm run user:reset-password -- <email>`): a one-time reset link for the operator
 * to open or pass on. The password is unchanged until the link is used; it expires in an hour.
 */
export async function issueResetLinkForOperator(db: PrismaClient, input: { email: string; publicUrl: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", `No account has the email ${input.email}`);
    const url = await createResetLink(tx, user.id, input.publicUrl);
    await recordOperatorAudit(tx, {
      action: "user.password-reset-link",
      entityType: "User",
      entityId: user.id,
      after: { via: "command line" },
    });
    return url;
  });
}
