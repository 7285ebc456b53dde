import { redactTokens } from "@shop/auth";
import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { prismaQuery } from "../../lib/sql.ts";

export type OutgoingEmail = { id: number; to: string; subject: string; text: string; html: string | null };

/** Something that sends an email: SMTP in production, a test double in tests. */
export type EmailTransport = { send(email: OutgoingEmail): Promise<void> };

const LEASE_MS = 5 * 60_000;

// The secrets in an email (reset, sign-up and order links) are removed from the outbox once it is
// sent: the database keeps only a hash of each token, and a copy of the link would undo that.
const MAX_ATTEMPTS = 6;

/**
 * Delivers due emails. Each one is leased first (its sendAfter moves five minutes ahead in the
 * same statement that claims it, with SKIP LOCKED), so several workers never send the same
 * message and a worker that dies mid-send leaves it to be retried, not lost. Sending happens
 * outside any transaction. Failures back off exponentially, then give up as FAILED.
 */
export async function deliverDueEmails(db: PrismaClient, transport: EmailTransport, limit = 20): Promise<number> {
  const claimed = await prismaQuery(
    db,
    qb
      .updateTable("EmailOutbox")
      .set((eb) => ({
        sendAfter: sql<Date>`now() + ${`${LEASE_MS} milliseconds`}::interval`,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "in", (eb) =>
        eb
          .selectFrom("EmailOutbox")
          .select("id")
          .where("status", "=", sql.lit("PENDING"))
          .where("sendAfter", "<=", sql<Date>`now()`)
          .orderBy("id")
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning("id"),
  );
  let sent = 0;
  for (const { id } of claimed) {
    const email = await db.emailOutbox.findUniqueOrThrow({
      where: { id },
      select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, template: true },
    });
    try {
      await transport.send(email);
      await db.emailOutbox.update({
        where: { id },
        data: {
          status: "SENT",
          sentAt: new Date(),
          lastError: null,
          text: redactTokens(email.text),
          html: email.html === null ? null : redactTokens(email.html),
        },
      });
      sent++;
    } catch (error) {
      const failed = email.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id },
        data: {
          status: failed ? "FAILED" : "PENDING",
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          sendAfter: new Date(Date.now() + 30_000 * 2 ** email.attempts),
        },
      });
    }
  }
  return sent;
}
