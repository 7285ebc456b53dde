import { deleteQueuedMedia } from "@shop/api";
import { isDatabaseUnavailable, type Database } from "@shop/db";
import type { MediaStorage } from "@shop/media";
import type { FastifyBaseLogger } from "fastify";
import type { OutageLog } from "../observability/outage-log.ts";

const INTERVAL_MS = 10_000;

/**
 * Deletes the files of removed images after their removal committed (`media.delete` jobs,
 * queued by a trigger in the same transaction). Every instance runs it; jobs are claimed with
 * SKIP LOCKED and leased, so each runs once and a crash leaves it to be retried. A storage
 * failure stays on its job (`lastError`, retried with backoff); a database outage is logged once
 * per burst with the server's requests.
 */
export function startMediaWorker(
  db: Database,
  storage: MediaStorage,
  log: FastifyBaseLogger,
  options: { intervalMs?: number; outages?: OutageLog } = {},
) {
  let running: Promise<void> | null = null;
  // A run that outlasts the interval is not joined by a second one: the next tick skips.
  const tick = () => {
    running ??= deleteQueuedMedia(db.prisma, storage)
      .then((result) => {
        if (result.jobs || result.failed) log.info(result, "media deletions");
      })
      .catch((error: unknown) =>
        options.outages && isDatabaseUnavailable(error)
          ? options.outages(error, { job: "media deletions" })
          : log.error({ err: error }, "media deletions failed"),
      )
      .finally(() => (running = null));
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
