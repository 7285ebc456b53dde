import type { Prisma, PrismaClient } from "@shop/db";
import type { Email } from "./templates.ts";

/**
 * Records an email to send. Call it inside the transaction of the change that causes it, so
 * the email exists exactly when the change does; a worker delivers it after commit. A
 * `dedupeKey` makes enqueueing idempotent.
 */
export async function enqueueEmail(
  db: PrismaClient | Prisma.TransactionClient,
  input: { to: string; template: string; email: Email; dedupeKey?: string },
): Promise<void> {
  const data = {
    to: input.to,
    template: input.template,
    subject: input.email.subject,
    text: input.email.text,
    html: input.email.html,
    dedupeKey: input.dedupeKey,
  };
  if (input.dedupeKey) {
    await db.emailOutbox.upsert({ where: { dedupeKey: input.dedupeKey }, create: data, update: {} });
  } else {
    await db.emailOutbox.create({ data, select: { id: true } });
  }
}
