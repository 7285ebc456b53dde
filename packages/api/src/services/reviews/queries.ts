import type { Prisma, PrismaClient } from "@shop/db";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { known } from "../../lib/sql.ts";

const orderBy: Record<"newest" | "highest" | "lowest" | "helpful", Prisma.ReviewOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  highest: [{ rating: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  lowest: [{ rating: "asc" }, { createdAt: "desc" }, { id: "desc" }],
  helpful: [{ helpfulCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
};

/** "Ada Lovelace" → "Ada L.": enough to tell reviewers apart, no more. */
export const displayName = (name: string) => {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]?.toUpperCase() ?? ""}.` : first;
};

/**
 * A product's published reviews, sorted and filtered, a page at a time. Pages are offset-based
 * over a stable order (ties broken by id): reviews sort by several keys a keyset cannot follow
 * simply, and a product's reviews are few enough.
 */
export async function listReviews(
  db: PrismaClient,
  input: { productId: number; sort: keyof typeof orderBy; rating?: number; cursor?: string | null; limit: number },
  viewerId: number | null,
) {
  const offset = Number(decodeCursor(input.cursor)?.[0] ?? 0);
  const rows = await db.review.findMany({
    where: { productId: input.productId, status: "PUBLISHED", ...(input.rating && { rating: input.rating }) },
    select: {
      id: true,
      rating: true,
      title: true,
      body: true,
      verifiedPurchase: true,
      helpfulCount: true,
      createdAt: true,
      userId: true,
      user: { select: { name: true } },
      ...(viewerId !== null && { votes: { where: { userId: viewerId }, select: { userId: true } } }),
    },
    orderBy: orderBy[input.sort],
    skip: offset,
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return known({
    items: page.map(({ user, userId, votes, ...review }) => ({
      ...review,
      author: displayName(user.name),
      mine: userId === viewerId,
      votedHelpful: (votes?.length ?? 0) > 0,
    })),
    nextCursor: rows.length > input.limit ? encodeCursor([offset + input.limit, 0]) : null,
  });
}

export async function myReviews(db: PrismaClient, userId: number) {
  const reviews = await db.review.findMany({
    where: { userId },
    select: {
      id: true,
      rating: true,
      title: true,
      body: true,
      status: true,
      verifiedPurchase: true,
      helpfulCount: true,
      createdAt: true,
      updatedAt: true,
      product: { select: { id: true, name: true, slug: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return known(reviews);
}

export async function myReviewFor(db: PrismaClient, userId: number, productId: number) {
  return known(
    await db.review.findUnique({
      where: { userId_productId: { userId, productId } },
      select: { id: true, rating: true, title: true, body: true, status: true, verifiedPurchase: true },
    }),
  );
}
