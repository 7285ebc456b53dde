import { redactTokens } from "@shop/auth";
import type { OutboxStatus, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { keysetPage } from "../../lib/keyset.ts";

// The dev mailbox shows the outbox to staff when no SMTP server is configured. The secrets in
// messages (password-reset, sign-up and order links) are hidden from everyone, admins included:
// reading someone's reset link is taking over their account. Only in development, or when the
// operator sets MAILBOX_SHOW_SECRETS, are they shown. With SMTP configured the mailbox is off.

function assertEnabled(enabled: boolean) {
  if (!enabled) throw new AppError("PRECONDITION_FAILED", "The dev mailbox is off: email is delivered over SMTP");
}

export async function listMailbox(
  db: PrismaClient,
  enabled: boolean,
  input: { to?: string; status?: OutboxStatus; cursor?: string | null; limit: number },
) {
  assertEnabled(enabled);
  const page = await keysetPage(input, (after, take) =>
    db.emailOutbox.findMany({
      where: {
        ...(input.to && { to: { contains: input.to, mode: "insensitive" } }),
        ...(input.status && { status: input.status }),
        ...(after && { id: { lt: after[1] } }),
      },
      select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true },
      orderBy: { id: "desc" },
      take,
    }),
  );
  return page;
}

export async function getMailboxMessage(
  db: PrismaClient,
  mailbox: { enabled: boolean; showSecrets: boolean },
  id: number,
) {
  assertEnabled(mailbox.enabled);
  const message = await db.emailOutbox.findUnique({
    where: { id },
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      template: true,
      status: true,
      createdAt: true,
      sentAt: true,
    },
  });
  if (!message) throw new AppError("NOT_FOUND", "Message not found");
  return mailbox.showSecrets ? message : { ...message, text: redactTokens(message.text) };
}
