import { expireReservations, processPendingRefunds, type PaymentProvider } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyBaseLogger } from "fastify";

const INTERVAL_MS = 30_000;

/**
 * Releases the stock of orders left unpaid past their reservation and retries refunds the
 * provider has not confirmed. (Low-stock alerts need no job: the stock change that crosses a
 * threshold writes the alert in its own transaction.) Every instance runs it; each job is claimed
 * in the database (FOR UPDATE SKIP LOCKED), so it runs once across instances and survives a
 * restart (docs/architecture.md, "Background jobs").
 */
export function startOrderWorker(db: Database, provider: PaymentProvider, publicUrl: string, log: FastifyBaseLogger) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const expired = await expireReservations(db.prisma, provider, publicUrl);
      const refunds = await processPendingRefunds(db.prisma, provider, publicUrl);
      if (expired || refunds) log.info({ expired, refunds }, "order housekeeping");
    })().catch((error: unknown) => log.error({ err: error }, "order housekeeping failed"));
  };
  const timer = setInterval(() => void running.then(tick), INTERVAL_MS);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
