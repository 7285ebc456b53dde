import type { Prisma } from "@shop/db";

type Tx = Prisma.TransactionClient;

/**
 * Moves a product's rating aggregates by the published reviews that appeared (`add`) or went
 * away (`remove`), in the caller's transaction, with relative increments: concurrent changes to
 * the same product queue on its row instead of overwriting each other, and the average is
 * recomputed from the new sum and count in the same statement.
 */
export async function adjustRating(tx: Tx, productId: number, change: { add?: number; remove?: number }) {
  const star = (n: number) => (change.add === n ? 1 : 0) - (change.remove === n ? 1 : 0);
  const count = (change.add ? 1 : 0) - (change.remove ? 1 : 0);
  const sum = (change.add ?? 0) - (change.remove ?? 0);
  if (count === 0 && sum === 0) return;
  // The row first (CHECK constraints judge an INSERT's own values even when it would update),
  // then relative increments, which concurrent changes apply one after another.
  await tx.$executeRaw`INSERT INTO "ProductRating" ("productId", "updatedAt") VALUES (${productId}, now()) ON CONFLICT ("productId") DO NOTHING`;
  await tx.$executeRaw`
    UPDATE "ProductRating" SET
      "count" = "count" + ${count},
      "sum" = "sum" + ${sum},
      "average" = CASE WHEN "count" + ${count} > 0 THEN ("sum" + ${sum})::float8 / ("count" + ${count}) ELSE 0 END,
      "star1" = "star1" + ${star(1)},
      "star2" = "star2" + ${star(2)},
      "star3" = "star3" + ${star(3)},
      "star4" = "star4" + ${star(4)},
      "star5" = "star5" + ${star(5)},
      "updatedAt" = now()
    WHERE "productId" = ${productId}`;
}

/** The change a review's move from (status, rating) to (status, rating) makes to the aggregates. */
export function ratingChange(
  before: { status: string; rating: number } | null,
  after: { status: string; rating: number } | null,
) {
  const was = before?.status === "PUBLISHED" ? before.rating : undefined;
  const is = after?.status === "PUBLISHED" ? after.rating : undefined;
  return was === is ? {} : { add: is, remove: was };
}
