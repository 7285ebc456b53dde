import type { Prisma } from "@shop/db";
import { enqueueEmail } from "../email/outbox.ts";
import type { Email } from "../email/templates.ts";

type Tx = Prisma.TransactionClient;

export const orderSummarySelect = {
  id: true,
  number: true,
  email: true,
  currency: true,
  total: true,
  items: { select: { productName: true, variantTitle: true, quantity: true, total: true } },
} satisfies Prisma.OrderSelect;

/** Queues an order email in the transaction of the change; the key makes it one per event. */
export async function notifyOrder(
  tx: Tx,
  orderId: number,
  template: string,
  build: (order: Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>, url: string) => Email,
  options: { publicUrl: string; dedupeKey: string },
) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderSummarySelect });
  const url = `${options.publicUrl}/orders/${order.number}`;
  await enqueueEmail(tx, { to: order.email, template, email: build(order, url), dedupeKey: options.dedupeKey });
}
