import type { FulfillmentStatus, OrderPaymentStatus, PrismaClient } from "@shop/db";

/** A $10 order of `buyer`, straight into the table (no checkout): for lists, counts and labels. */
export function makeOrder(
  prisma: PrismaClient,
  buyer: { id: number; email: string },
  extra: { paymentStatus?: OrderPaymentStatus; fulfillmentStatus?: FulfillmentStatus; number?: number } = {},
) {
  return prisma.order.create({
    data: {
      ...extra,
      email: buyer.email,
      userId: buyer.id,
      currency: "USD",
      subtotal: 1_000,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 0,
      total: 1_000,
      shippingMethodName: "Standard",
    },
    select: { id: true, number: true },
  });
}
