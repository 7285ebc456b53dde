import { deleteQueuedMedia } from "@shop/api";
import type { Database } from "@shop/db";
import type { MediaStorage } from "@shop/media";
import type { FastifyBaseLogger } from "fastify";

const INTERVAL_MS = 10_000;

/**
 * Deletes the files of removed images after their removal committed (`media.delete` jobs,
 * queued by a trigger in the same transaction). Every instance runs it; jobs are claimed with
 * SKIP LOCKED and leased, so each runs once and a crash leaves it to be retried.
 */
export function startMediaWorker(db: Database, storage: MediaStorage, log: FastifyBaseLogger) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const result = await deleteQueuedMedia(db.prisma, storage);
      if (result.jobs || result.failed) log.info(result, "media deletions");
    })().catch((error: unknown) => log.error({ err: error }, "media deletions failed"));
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
