import { expireReservations, processPendingRefunds, reconcilePayments, type PaymentProvider } from "@shop/api";
import { isDatabaseUnavailable, type Database } from "@shop/db";
import type { FastifyBaseLogger } from "fastify";
import type { OutageLog } from "../observability/outage-log.ts";

const INTERVAL_MS = 30_000;

/**
 * Records payments the provider took but we failed to record, releases the stock of orders left
 * unpaid past their reservation (after asking the provider), and retries refunds the provider
 * has not confirmed. (Low-stock alerts need no job: the stock change that crosses a threshold
 * writes the alert in its own transaction.) Every instance runs it; each job is claimed in the
 * database (FOR UPDATE SKIP LOCKED), so it runs once across instances and survives a restart
 * (docs/architecture.md, "Background jobs"). Each step fails on its own: a provider outage that
 * stops refunds does not stop expiry.
 */
export function startOrderWorker(
  db: Database,
  provider: PaymentProvider,
  publicUrl: string,
  log: FastifyBaseLogger,
  options: { intervalMs?: number; outages?: OutageLog } = {},
) {
  // A database outage is logged once per burst (with the server's requests); anything else each time.
  const failed = (error: unknown, context: Record<string, unknown>) =>
    options.outages && isDatabaseUnavailable(error)
      ? options.outages(error, context)
      : log.error({ err: error, ...context }, "order housekeeping failed");
  const step = (name: string, job: () => Promise<number>) =>
    job().catch((error: unknown) => {
      failed(error, { job: name });
      return 0;
    });
  let running: Promise<void> | null = null;
  // A run that outlasts the interval is not joined by a second one: the next tick skips.
  const tick = () => {
    running ??= (async () => {
      const reconciled = await step("reconcile", () => reconcilePayments(db.prisma, provider, publicUrl));
      const expired = await step("expire", () => expireReservations(db.prisma, provider, publicUrl));
      const refunds = await step("refunds", () => processPendingRefunds(db.prisma, provider, publicUrl));
      if (reconciled || expired || refunds) log.info({ reconciled, expired, refunds }, "order housekeeping");
    })().finally(() => (running = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? INTERVAL_MS);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
