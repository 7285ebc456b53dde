import { ActorType } from "@shop/db/enums";
import { rows, type Sql } from "../../lib/sql.ts";
import type { AddressData } from "../account/addresses.ts";
import type { priceCheckout } from "./load.ts";
import { orderStatement, type AddressRow, type ItemRow } from "./order-statement.ts";
import type { PlaceOrderInput } from "./place-order.ts";

const addressRow = (kind: "SHIPPING" | "BILLING", address: AddressData): AddressRow => ({
  kind,
  fullName: address.fullName,
  company: address.company ?? null,
  line1: address.line1,
  line2: address.line2 ?? null,
  city: address.city,
  region: address.region ?? null,
  postalCode: address.postalCode,
  country: address.country,
  phone: address.phone ?? null,
});

type Priced = Awaited<ReturnType<typeof priceCheckout>>;

/**
 * The whole order in one statement, atomic on its own: every line reserved (rows locked in
 * variant order, each only if enough is available), a use of the coupon taken within its limit,
 * then the order with its lines, addresses, first event, payment record, inventory movements and
 * coupon redemption, and the ordered lines taken out of the cart. A line that falls to its
 * low-stock threshold flags the variant and queues the staff alert in the same statement. A short line or a coupon out of
 * uses makes `shop_refuse` raise, which undoes the lines already reserved; the order row then
 * never exists, so a lost race does not burn an order number. CHECK constraints (stock, the
 * order's money adding up, coupon usage) back every step.
 */
export async function insertOrder(
  tx: Sql,
  input: PlaceOrderInput & {
    currency: string;
    /** Unpaid, the order gives its stock back after this (services/orders/expire.ts). */
    reservationMs: number;
    providerName: string;
    cartId: number;
    cartItemIds: number[];
    method: { id: number; name: string };
    priced: Priced;
  },
) {
  const { priced } = input;
  const items = priced.lines.map((line): ItemRow => ({
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
  }));
  const addresses = [
    addressRow("SHIPPING", input.shippingAddress),
    ...(input.billingAddress ? [addressRow("BILLING", input.billingAddress)] : []),
  ];
  const [order] = await rows(
    tx,
    orderStatement({
      items: JSON.stringify(items),
      addresses: JSON.stringify(addresses),
      lineCount: priced.lines.length,
      couponId: priced.couponId,
      couponCode: priced.couponCode,
      userId: input.userId,
      actorType: input.userId !== null ? ActorType.CUSTOMER : ActorType.SYSTEM,
      email: input.email,
      currency: input.currency,
      subtotal: priced.subtotal,
      discount: priced.discount,
      shipping: priced.shipping,
      tax: priced.tax,
      total: priced.total,
      methodId: input.method.id,
      methodName: input.method.name,
      idempotencyKey: input.idempotencyKey,
      expires: new Date(Date.now() + input.reservationMs).toISOString(),
      provider: input.providerName,
      cartId: input.cartId,
      cartItemIds: input.cartItemIds,
    }),
  );
  if (!order) throw new Error("the order insert returned no row");
  return order;
}
