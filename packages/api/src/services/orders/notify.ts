import type { Prisma } from "@shop/db";
import { enqueueEmail } from "../email/outbox.ts";
import { mintOrderKey, orderLink } from "./access-keys.ts";
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

/**
 * Queues an order email in the transaction of the change; the dedupe key makes it one per event.
 * With `secretLink` the email carries a new key to the order (the confirmation does): a guest
 * sees and cancels the order with it; without, the link leads to sign-in or the lookup.
 */
export async function notifyOrder(
  tx: Tx,
  orderId: number,
  template: string,
  build: (order: Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>, url: string) => Email,
  options: { publicUrl: string; dedupeKey: string; secretLink?: boolean },
) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderSummarySelect });
  const url = options.secretLink
    ? orderLink(options.publicUrl, order.number, await mintOrderKey(tx, order.id))
    : `${options.publicUrl}/orders/${order.number}`;
  await enqueueEmail(tx, { to: order.email, template, email: build(order, url), dedupeKey: options.dedupeKey });
}
