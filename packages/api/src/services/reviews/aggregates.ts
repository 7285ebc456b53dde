import { qb, type Prisma } from "@shop/db";
import { sql } from "kysely";
import { prismaQuery } from "../../lib/sql.ts";

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
  await prismaQuery(
    tx,
    qb
      .insertInto("ProductRating")
      .values({ productId, updatedAt: sql`now()` })
      .onConflict((oc) => oc.column("productId").doNothing()),
  );
  await prismaQuery(
    tx,
    qb
      .updateTable("ProductRating")
      .set((eb) => ({
        count: eb("count", "+", count),
        sum: eb("sum", "+", sum),
        average: sql<number>`CASE WHEN ${eb.ref("count")} + ${count} > 0 THEN (${eb.ref("sum")} + ${sum})::float8 / (${eb.ref("count")} + ${count}) ELSE 0 END`,
        star1: eb("star1", "+", star(1)),
        star2: eb("star2", "+", star(2)),
        star3: eb("star3", "+", star(3)),
        star4: eb("star4", "+", star(4)),
        star5: eb("star5", "+", star(5)),
        updatedAt: sql`now()`,
      }))
      .where("productId", "=", productId),
  );
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
