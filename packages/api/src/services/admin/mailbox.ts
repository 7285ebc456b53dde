import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";

// The dev mailbox shows the outbox to staff when no SMTP server is configured, so flows such
// as password reset work end to end in the embedded default. With SMTP configured it is off:
// staff reading other people's reset links would be a way into their accounts.

function assertEnabled(enabled: boolean) {
  if (!enabled) throw new AppError("PRECONDITION_FAILED", "The dev mailbox is off: email is delivered over SMTP");
}

export async function listMailbox(
  db: PrismaClient,
  enabled: boolean,
  input: { to?: string; cursor?: string | null; limit: number },
) {
  assertEnabled(enabled);
  const after = decodeCursor(input.cursor);
  const rows = await db.emailOutbox.findMany({
    where: {
      ...(input.to && { to: { contains: input.to, mode: "insensitive" } }),
      ...(after && { id: { lt: after[1] } }),
    },
    select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > input.limit && last ? encodeCursor([null, last.id]) : null };
}

export async function getMailboxMessage(db: PrismaClient, enabled: boolean, id: number) {
  assertEnabled(enabled);
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
  return message;
}
