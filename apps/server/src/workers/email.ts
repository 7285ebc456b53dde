import { deliverDueEmails, type EmailTransport } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyBaseLogger } from "fastify";

const INTERVAL_MS = 2_000;

/**
 * Delivers the email outbox every two seconds. Safe with several instances: each message is
 * leased by one worker (see deliverDueEmails).
 */
export function startEmailWorker(db: Database, transport: EmailTransport, log: FastifyBaseLogger) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverDueEmails(db.prisma, transport)
      .then((sent) => {
        if (sent > 0) log.info({ sent }, "emails delivered");
      })
      .catch((error: unknown) => log.error({ err: error }, "email delivery failed"));
  };
  const timer = setInterval(() => void running.then(tick), INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
