import type { SqlRunner } from "../sql.ts";
import { insertRows, nextId, syncSequence } from "./bulk.ts";
import type { SeededOrderItem } from "./orders.ts";
import type { Random } from "./random.ts";

const titles: Record<number, string[]> = {
  1: ["Disappointed", "Stopped working", "Not as described"],
  2: ["Could be better", "Average at best", "Some issues"],
  3: ["Decent for the price", "It's okay", "Mixed feelings"],
  4: ["Very good", "Happy with it", "Solid choice"],
  5: ["Excellent!", "Love it", "Best purchase this year", "Exactly what I wanted"],
};
const bodies: Record<number, string[]> = {
  1: ["Had problems from day one and the support was slow.", "Quality is far below what the photos suggest."],
  2: ["Works, but the battery life is shorter than advertised.", "Build quality feels cheap for what it costs."],
  3: ["Does the job. Nothing special, nothing terrible.", "Good hardware, but the software needs work."],
  4: ["Great performance and quick delivery. Minor quibbles only.", "Very good overall; the finish looks premium."],
  5: ["Fantastic build, fast shipping, would buy again.", "Better than I expected in every way. Highly recommended."],
};

const DAY = 86_400_000;

/**
 * Reviews by shoppers who received the product (so every one is a verified purchase), helpful
 * votes, and the rating aggregates recomputed from the published reviews.
 */
export async function seedReviews(
  sql: SqlRunner,
  options: { random: Random; now: Date; delivered: SeededOrderItem[]; voterIds: number[] },
): Promise<void> {
  const { random, now } = options;
  const seen = new Set<string>();
  const reviews: Array<Record<string, unknown>> = [];
  const votes: Array<Record<string, unknown>> = [];
  let id = await nextId(sql, "Review");
  for (const item of options.delivered) {
    if (item.userId === null || !random.chance(0.3)) continue;
    const key = `${item.userId}:${item.productId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rating = random.weighted([3, 5, 12, 35, 45]) + 1;
    const statusRoll = random.next();
    const status = statusRoll < 0.92 ? "PUBLISHED" : statusRoll < 0.97 ? "PENDING" : "HIDDEN";
    const createdAt = new Date(Math.min(now.getTime() - 60_000, item.deliveredAt.getTime() + random.int(1, 10) * DAY));
    const reviewId = id++;
    const voters =
      status === "PUBLISHED" ? random.sample(options.voterIds, random.int(0, 4)).filter((v) => v !== item.userId) : [];
    for (const userId of voters) votes.push({ reviewId, userId, createdAt });
    reviews.push({
      id: reviewId,
      productId: item.productId,
      userId: item.userId,
      rating,
      title: random.pick(titles[rating] ?? ["Review"]),
      body: random.pick(bodies[rating] ?? ["Fine."]),
      status,
      verifiedPurchase: true,
      helpfulCount: voters.length,
      moderatedAt: status === "PENDING" ? null : createdAt,
      createdAt,
      updatedAt: createdAt,
    });
  }
  await insertRows(
    sql,
    "Review",
    {
      id: "int",
      productId: "int",
      userId: "int",
      rating: "int",
      title: "text",
      body: "text",
      status: "enum:ReviewStatus",
      verifiedPurchase: "bool",
      helpfulCount: "int",
      moderatedAt: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    reviews,
  );
  await insertRows(sql, "ReviewHelpfulVote", { reviewId: "int", userId: "int", createdAt: "timestamptz" }, votes);
  await syncSequence(sql, "Review");
  await sql.exec(`
    INSERT INTO "ProductRating" ("productId", "count", "sum", "average", "star1", "star2", "star3", "star4", "star5", "updatedAt")
    SELECT "productId", COUNT(*), SUM("rating"), ROUND(AVG("rating")::numeric, 4)::float8,
           COUNT(*) FILTER (WHERE "rating" = 1), COUNT(*) FILTER (WHERE "rating" = 2), COUNT(*) FILTER (WHERE "rating" = 3),
           COUNT(*) FILTER (WHERE "rating" = 4), COUNT(*) FILTER (WHERE "rating" = 5), now()
      FROM "Review" WHERE "status" = 'PUBLISHED' GROUP BY "productId"
    ON CONFLICT ("productId") DO UPDATE SET "count" = EXCLUDED."count", "sum" = EXCLUDED."sum",
      "average" = EXCLUDED."average", "star1" = EXCLUDED."star1", "star2" = EXCLUDED."star2",
      "star3" = EXCLUDED."star3", "star4" = EXCLUDED."star4", "star5" = EXCLUDED."star5", "updatedAt" = now();`);
}
