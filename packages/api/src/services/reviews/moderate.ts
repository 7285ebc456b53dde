import type { PrismaClient, ReviewStatus } from "@shop/db";
import { AppError } from "../../errors.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { known } from "../../lib/sql.ts";
import { recordAudit } from "../audit/record.ts";
import type { AuthUser } from "../auth/sessions.ts";
import { adjustRating, ratingChange } from "./aggregates.ts";
import { lockReview } from "./shopper.ts";

export async function listReviewsForStaff(
  db: PrismaClient,
  input: {
    status?: ReviewStatus;
    rating?: number;
    productId?: number;
    search?: string;
    cursor?: string | null;
    limit: number;
  },
) {
  const search = input.search?.trim();
  const page = await keysetPage(input, (after, take) =>
    db.review.findMany({
      where: {
        ...(input.status && { status: input.status }),
        ...(input.rating && { rating: input.rating }),
        ...(input.productId && { productId: input.productId }),
        ...(search && {
          OR: [
            { title: { contains: search, mode: "insensitive" } },
            { body: { contains: search, mode: "insensitive" } },
          ],
        }),
        ...(after && { id: { lt: after[1] } }),
      },
      select: {
        id: true,
        rating: true,
        title: true,
        body: true,
        status: true,
        verifiedPurchase: true,
        helpfulCount: true,
        createdAt: true,
        moderatedAt: true,
        user: { select: { id: true, name: true, email: true } },
        product: { select: { id: true, name: true, slug: true } },
      },
      orderBy: { id: "desc" },
      take,
    }),
  );
  return known(page);
}

/** Approve (publish) or hide a review; the aggregates follow in the same transaction. */
export async function moderateReview(
  db: PrismaClient,
  actor: AuthUser,
  input: { id: number; status: "PUBLISHED" | "HIDDEN" },
) {
  return db.$transaction(async (tx) => {
    const before = await lockReview(tx, input.id);
    if (!before) throw new AppError("NOT_FOUND", "Review not found");
    await tx.review.update({
      where: { id: input.id },
      data: { status: input.status, moderatedAt: new Date(), moderatedById: actor.id },
    });
    await adjustRating(tx, before.productId, ratingChange(before, { status: input.status, rating: before.rating }));
    await recordAudit(tx, {
      actor,
      action: input.status === "PUBLISHED" ? "review.approve" : "review.hide",
      entityType: "Review",
      entityId: input.id,
      before: { status: before.status },
      after: { status: input.status },
    });
    return { id: input.id, status: input.status };
  });
}

export async function deleteReviewAsStaff(db: PrismaClient, actor: AuthUser, id: number) {
  await db.$transaction(async (tx) => {
    const before = await lockReview(tx, id);
    if (!before) throw new AppError("NOT_FOUND", "Review not found");
    const review = await tx.review.delete({
      where: { id },
      select: { title: true, body: true, rating: true, userId: true },
    });
    await adjustRating(tx, before.productId, ratingChange(before, null));
    await recordAudit(tx, {
      actor,
      action: "review.delete",
      entityType: "Review",
      entityId: id,
      before: { ...review, status: before.status },
    });
  });
}
