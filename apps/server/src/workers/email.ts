import { deliverDueEmails, type EmailTransport } from "@shop/api";
import { isDatabaseUnavailable, type Database } from "@shop/db";
import type { FastifyBaseLogger } from "fastify";
import type { OutageLog } from "../observability/outage-log.ts";
import type { DependencyState } from "../routes/health.ts";

const INTERVAL_MS = 2_000;

/**
 * Delivers the email outbox every two seconds. Safe with several instances: each message is
 * leased by one worker (see deliverDueEmails). The last send's outcome is SMTP's state on
 * /readyz: a failing or hung server (each attempt bounded by SMTP_TIMEOUT_MS) shows as "down"
 * while the outbox keeps the mail for later.
 */
export function startEmailWorker(
  db: Database,
  transport: EmailTransport,
  log: FastifyBaseLogger,
  options: { intervalMs?: number; outages?: OutageLog } = {},
) {
  // A database outage is logged once per burst (with the server's requests); anything else each time.
  const failed = (error: unknown, context: Record<string, unknown>) =>
    options.outages && isDatabaseUnavailable(error)
      ? options.outages(error, context)
      : log.error({ err: error, ...context }, "email delivery failed");
  let state: DependencyState = "up";
  const watched: EmailTransport = {
    async send(email) {
      try {
        await transport.send(email);
        state = "up";
      } catch (error) {
        if (state === "up") log.warn({ err: error }, "smtp unavailable; email stays in the outbox and is retried");
        state = "down";
        throw error;
      }
    },
  };
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= deliverDueEmails(db.prisma, watched)
      .then((sent) => {
        if (sent > 0) log.info({ sent }, "emails delivered");
      })
      .catch((error: unknown) => failed(error, { job: "email" }))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? INTERVAL_MS);
  return {
    smtp: (): DependencyState => state,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
