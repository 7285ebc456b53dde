import { qb, type Prisma, type PrismaClient } from "@shop/db";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { prismaQuery } from "../../lib/sql.ts";
import { adjustRating, ratingChange } from "./aggregates.ts";
import { moderationMode } from "./settings.ts";

type Tx = Prisma.TransactionClient;
/** A verified purchase: the shopper has a paid order (not refunded in full) containing the product. */
async function boughtIt(tx: Tx, userId: number, productId: number) {
  const order = {
    userId,
    state: { not: "CANCELLED" as const },
    paymentStatus: { in: ["PAID" as const, "PARTIALLY_REFUNDED" as const] },
  };
  return (await tx.orderItem.count({ where: { productId, order } })) > 0;
}

/** Locks a review for a change, so concurrent edits and moderation see each other's result. */
export async function lockReview(tx: Tx, id: number) {
  await prismaQuery(tx, qb.selectFrom("Review").select("id").where("id", "=", id).forUpdate());
  return tx.review.findUnique({
    where: { id },
    select: { id: true, userId: true, productId: true, status: true, rating: true },
  });
}

type ReviewText = { rating: number; title: string; body: string };

export async function createReview(db: PrismaClient, userId: number, input: ReviewText & { productId: number }) {
  const product = await db.product.findFirst({
    where: { id: input.productId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!product) throw new AppError("NOT_FOUND", "Product not found");
  try {
    return await db.$transaction(async (tx) => {
      const status = (await moderationMode(tx)) === "publish" ? "PUBLISHED" : "PENDING";
      const review = await tx.review.create({
        data: { ...input, userId, status, verifiedPurchase: await boughtIt(tx, userId, input.productId) },
        select: { id: true, status: true, verifiedPurchase: true },
      });
      await adjustRating(tx, input.productId, ratingChange(null, { status, rating: input.rating }));
      return review;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "You have already reviewed this product. Edit your review instead.");
    throw error;
  }
}

/** The author edits; with moderation on hold an edited review waits for approval again. */
export async function updateReview(db: PrismaClient, userId: number, input: ReviewText & { id: number }) {
  return db.$transaction(async (tx) => {
    const before = await lockReview(tx, input.id);
    if (!before || before.userId !== userId) throw new AppError("NOT_FOUND", "Review not found");
    const status =
      before.status === "HIDDEN" ? "HIDDEN" : (await moderationMode(tx)) === "hold" ? "PENDING" : "PUBLISHED";
    const { id, ...text } = input;
    const review = await tx.review.update({
      where: { id },
      data: { ...text, status },
      select: { id: true, status: true, verifiedPurchase: true },
    });
    await adjustRating(tx, before.productId, ratingChange(before, { status, rating: input.rating }));
    return review;
  });
}

export async function deleteReview(db: PrismaClient, userId: number, id: number) {
  await db.$transaction(async (tx) => {
    const before = await lockReview(tx, id);
    if (!before || before.userId !== userId) throw new AppError("NOT_FOUND", "Review not found");
    await tx.review.delete({ where: { id } });
    await adjustRating(tx, before.productId, ratingChange(before, null));
  });
}

/** One vote per shopper and review; voting twice changes nothing. Authors cannot vote for themselves. */
export async function markHelpful(db: PrismaClient, userId: number, reviewId: number) {
  const review = await db.review.findFirst({ where: { id: reviewId, status: "PUBLISHED" }, select: { userId: true } });
  if (!review) throw new AppError("NOT_FOUND", "Review not found");
  if (review.userId === userId) throw new AppError("FORBIDDEN", "You cannot mark your own review as helpful");
  try {
    await db.$transaction(async (tx) => {
      await tx.reviewHelpfulVote.create({ data: { reviewId, userId }, select: { reviewId: true } });
      await tx.review.update({
        where: { id: reviewId },
        data: { helpfulCount: { increment: 1 } },
        select: { id: true },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const { helpfulCount } = await db.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: { helpfulCount: true },
  });
  return { helpfulCount, voted: true };
}
