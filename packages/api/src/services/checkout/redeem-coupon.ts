import type { Prisma } from "@shop/db";
import { AppError } from "../../errors.ts";

/**
 * Counts a use of the coupon, within its total limit: one conditional UPDATE, so of fifty
 * simultaneous checkouts for the last use exactly one succeeds (the CHECK constraint backs it).
 */
export async function redeemCoupon(
  tx: Prisma.TransactionClient,
  input: { couponId: number; orderId: number; userId: number | null; email: string; discount: number; code: string },
): Promise<void> {
  const taken = await tx.$executeRaw`
    UPDATE "Coupon" SET "usageCount" = "usageCount" + 1, "updatedAt" = now()
     WHERE "id" = ${input.couponId} AND "active" AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")`;
  if (taken !== 1) {
    throw new AppError("PRECONDITION_FAILED", `The code ${input.code} has reached its usage limit. Remove it to continue.`, { reason: "COUPON" });
  }
  await tx.couponRedemption.create({
    data: { couponId: input.couponId, orderId: input.orderId, userId: input.userId, email: input.email, discountAmount: input.discount },
    select: { id: true },
  });
}
