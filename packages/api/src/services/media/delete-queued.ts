import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { imageKeys, type MediaStorage } from "@shop/media";
import { z } from "zod";
import { prismaQuery } from "../../lib/sql.ts";

const LEASE_MS = 5 * 60_000;

// Written by the ProductImage triggers (migration media_widths) when an image is deleted or its
// file replaced.
const Payload = z.object({
  images: z.array(z.object({ path: z.string(), width: z.number(), widths: z.array(z.number()).nullable() })),
});

/**
 * Deletes the files of removed images, queued as `media.delete` jobs in the transaction that
 * removed them. Each job is leased in the statement that claims it (its runAt moves five minutes
 * ahead, SKIP LOCKED), so instances never share one and a worker that dies mid-way leaves it to
 * be retried; deleting is idempotent, so a retry is harmless. A done job is removed; a failing
 * one backs off (up to an hour) and keeps its last error, until `maxAttempts` is reached.
 */
export async function deleteQueuedMedia(db: PrismaClient, storage: MediaStorage, limit = 20) {
  const claimed = await prismaQuery(
    db,
    qb
      .updateTable("Job")
      .set((eb) => ({
        runAt: sql<Date>`now() + ${`${LEASE_MS} milliseconds`}::interval`,
        lockedAt: sql<Date>`now()`,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "in", (eb) =>
        eb
          .selectFrom("Job")
          .select("id")
          .where("type", "=", sql.lit("media.delete"))
          .where("completedAt", "is", null)
          .where("runAt", "<=", sql<Date>`now()`)
          .whereRef("attempts", "<", "maxAttempts")
          .orderBy("runAt")
          .orderBy("id")
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(["id", "attempts", "payload"]),
  );
  let files = 0;
  let failed = 0;
  for (const job of claimed) {
    try {
      const keys = Payload.parse(job.payload).images.flatMap((image) =>
        imageKeys({ path: image.path, width: image.width, widths: image.widths ?? [] }),
      );
      await storage.delete(keys);
      await db.job.delete({ where: { id: job.id } });
      files += keys.length;
    } catch (error) {
      failed++;
      await db.job.update({
        where: { id: job.id },
        data: {
          lockedAt: null,
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          runAt: new Date(Date.now() + Math.min(60 * 60_000, 30_000 * 2 ** job.attempts)),
        },
      });
    }
  }
  return { jobs: claimed.length - failed, files, failed };
}
