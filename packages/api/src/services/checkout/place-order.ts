import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { AppError, isUniqueViolation } from "../../errors.ts";
import type { AddressData } from "../account/addresses.ts";
import { findCartId, type CartOwner } from "../cart/owner.ts";
import { recordReservations, reserveLines } from "../inventory/stock.ts";
import { loadCheckout, priceCheckout } from "./load.ts";
import { redeemCoupon } from "./redeem-coupon.ts";

export type PlaceOrderInput = {
  owner: CartOwner;
  userId: number | null;
  email: string;
  shippingAddress: AddressData;
  billingAddress: AddressData | null;
  shippingMethod: string;
  idempotencyKey: string;
};

export const RESERVATION_MS = 15 * 60_000;

/**
 * Turns the cart into an order in one transaction: prices from the database, stock reserved by
 * conditional updates (never below zero), the coupon redeemed within its limits, prices and
 * addresses snapshotted, the payment record created, the cart emptied. A replay with the same
 * idempotency key returns the same order.
 */
export async function placeOrder(db: PrismaClient, config: Pick<ApiConfig, "currency">, providerName: string, input: PlaceOrderInput) {
  const existing = await findByKey(db, input);
  if (existing) return existing;
  const cartId = await findCartId(db, input.owner);
  if (!cartId) throw new AppError("PRECONDITION_FAILED", "Your cart is empty");
  try {
    return await db.$transaction(async (tx) => {
      const checkout = await loadCheckout(tx, cartId, { country: input.shippingAddress.country, region: input.shippingAddress.region ?? null, shippingMethod: input.shippingMethod });
      const priced = await priceCheckout(tx, checkout, { userId: input.userId, email: input.email }, config.currency);
      // Reserve first: a checkout that loses the race fails before taking an order number.
      const reserved = await reserveLines(tx, priced.lines);
      if (reserved.length < priced.lines.length) {
        const short = priced.lines.find((line) => !reserved.some((level) => level.id === line.variantId));
        throw new AppError("PRECONDITION_FAILED", `Sorry, ${short?.name ?? "an item"} is no longer available in that quantity.`, { reason: "OUT_OF_STOCK" });
      }
      const order = await tx.order.create({
        data: {
          userId: input.userId,
          email: input.email,
          currency: config.currency,
          subtotal: priced.subtotal,
          discountTotal: priced.discount,
          shippingTotal: priced.shipping,
          taxTotal: priced.tax,
          total: priced.total,
          couponId: priced.couponId,
          couponCode: priced.couponCode,
          shippingMethodId: checkout.shippingMethod.id,
          shippingMethodName: checkout.shippingMethod.name,
          idempotencyKey: input.idempotencyKey,
          reservationExpiresAt: new Date(Date.now() + RESERVATION_MS),
          items: {
            create: priced.lines.map((line) => ({
              productId: line.productId,
              variantId: line.variantId,
              productName: line.name,
              variantTitle: line.variantTitle,
              sku: line.sku,
              imagePath: line.imagePath,
              unitPrice: line.unitPrice,
              quantity: line.quantity,
              discountAmount: line.discount,
              taxAmount: line.tax,
              total: line.total,
            })),
          },
          addresses: {
            create: [
              { kind: "SHIPPING", ...input.shippingAddress },
              ...(input.billingAddress ? [{ kind: "BILLING" as const, ...input.billingAddress }] : []),
            ],
          },
          events: { create: { toStatus: "PENDING_PAYMENT", actorType: input.userId ? "CUSTOMER" : "SYSTEM", actorId: input.userId, message: "Order placed" } },
          payments: { create: { provider: providerName, amount: priced.total, currency: config.currency } },
        },
        select: { id: true, number: true, email: true, total: true, currency: true, status: true },
      });
      await recordReservations(tx, order.id, reserved, new Map(priced.lines.map((line) => [line.variantId, line.quantity])));
      if (priced.couponId !== null) {
        await redeemCoupon(tx, { couponId: priced.couponId, orderId: order.id, userId: input.userId, email: input.email, discount: priced.discount, code: priced.couponCode ?? "" });
      }
      await tx.cartItem.deleteMany({ where: { cartId } });
      await tx.cart.update({ where: { id: cartId }, data: { couponId: null } });
      return { orderId: order.id, order: { number: order.number, email: order.email, total: order.total, currency: order.currency, status: order.status }, created: true };
    });
  } catch (error) {
    // A double submission raced us: the other one created the order; return it.
    if (isUniqueViolation(error)) {
      const raced = await findByKey(db, input);
      if (raced) return raced;
    }
    throw error;
  }
}

async function findByKey(db: PrismaClient, input: PlaceOrderInput) {
  const order = await db.order.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, number: true, userId: true, email: true, total: true, currency: true, status: true },
  });
  if (!order) return null;
  if (order.userId !== input.userId || order.email !== input.email) {
    throw new AppError("CONFLICT", "This checkout key belongs to another order");
  }
  const { id, userId: _owner, ...summary } = order;
  return { orderId: id, order: summary, created: false };
}
