import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { couponMessage, normaliseCode } from "./coupon-rules.ts";

/**
 * Attaches a coupon to the cart. An unknown code is refused; a known one is kept and the cart
 * says whether it applies and, if not, why (it may apply once more is added).
 */
export async function applyCoupon(db: PrismaClient, cartId: number, code: string, currency: string) {
  const coupon = await db.coupon.findUnique({ where: { code: normaliseCode(code) }, select: { id: true } });
  if (!coupon) throw new AppError("BAD_INPUT", couponMessage("NOT_FOUND", currency), { field: "code" });
  await db.cart.update({ where: { id: cartId }, data: { couponId: coupon.id } });
}

export async function removeCoupon(db: PrismaClient, cartId: number | null) {
  if (cartId) await db.cart.update({ where: { id: cartId }, data: { couponId: null } });
}
