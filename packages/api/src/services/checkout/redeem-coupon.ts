import { Prisma } from "@shop/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { sqlRows, utcNow, type Sql } from "../../lib/sql.ts";

/**
 * Counts a use of the coupon, within its total limit, and records the redemption: one
 * statement whose conditional UPDATE lets exactly one of fifty simultaneous checkouts take the
 * last use (the CHECK constraint backs it); the redemption is written only if it did.
 */
export async function redeemCoupon(
  tx: Sql,
  input: { couponId: number; orderId: number; userId: number | null; email: string; discount: number; code: string },
): Promise<void> {
  const [taken] = await sqlRows(
    tx,
    z.object({ redeemed: z.number() }),
    Prisma.sql`
      WITH taken AS (
        UPDATE "Coupon" SET "usageCount" = "usageCount" + 1, "updatedAt" = ${utcNow}
         WHERE "id" = ${input.couponId} AND "active" AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")
        RETURNING "id"
      ), redeemed AS (
        INSERT INTO "CouponRedemption" ("couponId", "orderId", "userId", "email", "discountAmount")
        SELECT taken."id", ${input.orderId}, ${input.userId}::int, ${input.email}, ${input.discount} FROM taken
        RETURNING "id"
      )
      SELECT count(*)::int AS "redeemed" FROM redeemed`,
  );
  if (taken?.redeemed !== 1) {
    throw new AppError("PRECONDITION_FAILED", `The code ${input.code} has reached its usage limit. Remove it to continue.`, { reason: "COUPON" });
  }
}
