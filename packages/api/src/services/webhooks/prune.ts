import type { PrismaClient } from "@shop/db";

/** How long sent (or given-up) events and their deliveries stay listed in the admin. */
export const KEEP_HISTORY_DAYS = 30;

/**
 * Deletes events older than the history window whose deliveries are all finished (their
 * deliveries go with them), a batch at a time; a pending delivery keeps its event.
 */
export async function pruneWebhookHistory(db: PrismaClient, now = new Date(), batch = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_HISTORY_DAYS * 24 * 60 * 60_000);
  const old = await db.outgoingEvent.findMany({
    where: { createdAt: { lt: cutoff }, deliveries: { none: { status: "PENDING" } } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  if (old.length === 0) return 0;
  const { count } = await db.outgoingEvent.deleteMany({
    where: { id: { in: old.map((event) => event.id) }, deliveries: { none: { status: "PENDING" } } },
  });
  return count;
}
