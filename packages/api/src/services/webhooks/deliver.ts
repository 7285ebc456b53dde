import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { prismaQuery, utcTimestamp } from "../../lib/sql.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { webhookDisabledEmail } from "../email/templates.ts";
import { sendWebhook, type SendOptions, type SendResult } from "./send.ts";

const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** An endpoint that has failed every attempt for this long is switched off. */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min… at most an hour (about 30 tries in a day). */
export const retryDelayMs = (attempts: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS);

export type DeliverOptions = SendOptions & {
  /** For links in the alert email. */
  publicUrl: string;
  limit?: number;
  /** The clock (tests move it forward instead of waiting). */
  now?: Date;
};

const ts = (date: Date) => date.toISOString();

/**
 * Sends due webhook deliveries. Each is claimed in the statement that finds it (FOR UPDATE SKIP
 * LOCKED, its nextAttemptAt moved five minutes ahead as a lease), so instances never send the same
 * attempt twice and one that dies mid-send leaves it to be retried when the lease runs out. A
 * delivery waits while an earlier one for the same endpoint and resource is pending: one
 * resource's events arrive in order, each only after the previous one was accepted.
 */
export async function deliverDueWebhooks(db: PrismaClient, options: DeliverOptions) {
  const now = options.now ?? new Date();
  const claimed = await claimDueWebhooks(db, now, options.limit ?? 10);
  // One delivery per resource is claimed at a time, so sending the batch at once keeps the order.
  const results = await Promise.all(claimed.map((claim) => attempt(db, claim, options, now)));
  return { sent: results.filter(Boolean).length, failed: results.filter((ok) => !ok).length };
}

/** Claims (leases) due deliveries: the first half of deliverDueWebhooks, apart for crash tests. */
export async function claimDueWebhooks(db: PrismaClient, now: Date, limit: number) {
  return prismaQuery(
    db,
    qb
      .updateTable("WebhookDelivery")
      .set((eb) => ({
        nextAttemptAt: utcTimestamp(new Date(now.getTime() + LEASE_MS)),
        attempts: eb("attempts", "+", 1),
        lastAttemptAt: utcTimestamp(now),
      }))
      .where("id", "in", (eb) =>
        eb
          .selectFrom("WebhookDelivery as d")
          .innerJoin("WebhookEndpoint as e", "e.id", "d.endpointId")
          .select("d.id")
          .where("d.status", "=", sql.lit("PENDING"))
          .where((eb) => eb.ref("e.enabled"))
          .where("d.nextAttemptAt", "<=", utcTimestamp(now))
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("WebhookDelivery as p")
                  .select(sql.lit(1).as("one"))
                  .whereRef("p.endpointId", "=", "d.endpointId")
                  .whereRef("p.resource", "=", "d.resource")
                  .where("p.status", "=", sql.lit("PENDING"))
                  .whereRef("p.id", "<", "d.id"),
              ),
            ),
          )
          .orderBy("d.id")
          .limit(limit)
          .forUpdate("d")
          .skipLocked(),
      )
      .returning(["id", "attempts"]),
  );
}

async function attempt(db: PrismaClient, claim: { id: number; attempts: number }, options: DeliverOptions, now: Date) {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: claim.id },
    select: {
      giveUpAt: true,
      endpoint: { select: { id: true, url: true, secret: true } },
      event: { select: { id: true, type: true, payload: true, createdAt: true } },
    },
  });
  const { event, endpoint } = delivery;
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: ts(event.createdAt), data: event.payload });
  const result = await sendWebhook(endpoint, { id: event.id, type: event.type, body }, options);
  await record(db, claim, delivery.giveUpAt, endpoint, result, options, now);
  return result.ok;
}

async function record(
  db: PrismaClient,
  claim: { id: number; attempts: number },
  giveUpAt: Date,
  endpoint: { id: number; url: string },
  result: SendResult,
  options: DeliverOptions,
  now: Date,
) {
  const response = {
    responseStatus: result.status,
    responseBody: result.body,
    lastError: result.error,
    durationMs: result.durationMs,
  };
  // Only the holder of this attempt records it: a worker whose lease ran out meanwhile does not.
  const mine = { id: claim.id, attempts: claim.attempts, status: "PENDING" as const };
  if (result.ok) {
    await db.webhookDelivery.updateMany({ where: mine, data: { ...response, status: "SUCCEEDED", deliveredAt: now } });
    await db.webhookEndpoint.updateMany({
      where: { id: endpoint.id, failingSince: { not: null } },
      data: { failingSince: null },
    });
    return;
  }
  const next = new Date(now.getTime() + retryDelayMs(claim.attempts));
  await db.webhookDelivery.updateMany({
    where: mine,
    data: { ...response, ...(next > giveUpAt ? { status: "FAILED" } : { nextAttemptAt: next }) },
  });
  await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: now } });
  await disableIfFailingTooLong(db, endpoint, result.error, options.publicUrl, now);
}

/** A day without one accepted delivery: the endpoint is switched off and every admin is told. */
async function disableIfFailingTooLong(
  db: PrismaClient,
  endpoint: { id: number; url: string },
  error: string | null,
  publicUrl: string,
  now: Date,
) {
  const cutoff = new Date(now.getTime() - DISABLE_AFTER_MS);
  await db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where: { id: endpoint.id }, select: { failingSince: true } });
    const since = current?.failingSince;
    if (!since || since > cutoff) return;
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, enabled: true },
      data: {
        enabled: false,
        disabledAt: now,
        disabledReason: `Every delivery failed for 24 hours (last error: ${error ?? "unknown"})`,
      },
    });
    if (count !== 1) return;
    const admins = await tx.user.findMany({
      where: { role: "ADMIN", disabledAt: null },
      select: { email: true },
      orderBy: { id: "asc" },
    });
    const email = webhookDisabledEmail({
      url: endpoint.url,
      since,
      error,
      adminUrl: `${publicUrl}/admin/webhooks/${endpoint.id}`,
    });
    for (const admin of admins) {
      await enqueueEmail(tx, {
        to: admin.email,
        template: "webhook-disabled",
        email,
        dedupeKey: `webhook-disabled:${endpoint.id}:${now.getTime()}:${admin.email}`,
      });
    }
  });
}
