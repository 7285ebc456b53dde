import { deliverDueWebhooks, pruneWebhookHistory } from "@shop/api";
import { isDatabaseUnavailable, type Database } from "@shop/db";
import type { FastifyBaseLogger } from "fastify";
import type { OutageLog } from "../observability/outage-log.ts";

const INTERVAL_MS = 2_000;
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Sends the webhook outbox every two seconds. Every instance runs it; deliveries are claimed with
 * SKIP LOCKED and leased (see deliverDueWebhooks), so each attempt is made once and a crash
 * leaves it to be retried. Hourly it deletes events older than 30 days whose deliveries are finished. A receiver's failure stays on its delivery (retried with backoff); a
 * database outage is logged once per burst with the server's requests.
 */
export function startWebhookWorker(
  db: Database,
  settings: { timeoutMs: number; allowPrivate: boolean; publicUrl: string },
  log: FastifyBaseLogger,
  options: { intervalMs?: number; outages?: OutageLog } = {},
) {
  let running: Promise<void> | null = null;
  let prunedAt = 0;
  const tick = () => {
    running ??= deliverDueWebhooks(db.prisma, settings)
      .then(async (result) => {
        if (result.sent || result.failed) log.info(result, "webhook deliveries");
        if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
        prunedAt = Date.now();
        const pruned = await pruneWebhookHistory(db.prisma);
        if (pruned) log.info({ pruned }, "old webhook events deleted");
      })
      .catch((error: unknown) =>
        options.outages && isDatabaseUnavailable(error)
          ? options.outages(error, { job: "webhooks" })
          : log.error({ err: error }, "webhook deliveries failed"),
      )
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
