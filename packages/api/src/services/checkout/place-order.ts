import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import type { ApiConfig } from "../../context.ts";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { sqlOf, sqlRows, utcNow, type Sql } from "../../lib/sql.ts";
import type { AddressData } from "../account/addresses.ts";
import type { CartOwner } from "../cart/owner.ts";
import { reserveLines } from "../inventory/stock.ts";
import { loadCheckout, orderableCart, priceCheckout } from "./load.ts";
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

const PlacedRow = z.object({
  id: z.number(),
  number: z.number(),
  email: z.string(),
  total: z.number(),
  currency: z.string(),
  status: z.literal("PENDING_PAYMENT"),
  paymentId: z.number(),
});

/**
 * Turns the cart into an order in one transaction: prices from the database, stock reserved by
 * conditional updates (never below zero), the coupon redeemed within its limits, prices and
 * addresses snapshotted, the payment record created, the ordered lines taken out of the cart.
 * A replay with the same idempotency key returns the same order.
 *
 * Three statements in the common case (read everything; reserve; write the order with its
 * items, addresses, event, payment and movements and empty the cart), see "Checkout
 * performance" in docs/architecture.md.
 */
export async function placeOrder(db: PrismaClient, config: Pick<ApiConfig, "currency">, providerName: string, input: PlaceOrderInput) {
  const sql = sqlOf(db);
  const loaded = await loadCheckout(sql, {
    idempotencyKey: input.idempotencyKey,
    owner: input.owner,
    country: input.shippingAddress.country,
    region: input.shippingAddress.region ?? null,
    shippingMethod: input.shippingMethod,
  });
  if (loaded.existing) return replayed(loaded.existing, input);
  const checkout = orderableCart(loaded);
  try {
    return await sql.transaction(async (tx) => {
      const priced = await priceCheckout(tx, checkout, { userId: input.userId, email: input.email }, config.currency);
      // Reserve first: a checkout that loses the race fails before taking an order number.
      const reserved = await reserveLines(tx, priced.lines);
      if (reserved.length < priced.lines.length) {
        const short = priced.lines.find((line) => !reserved.some((level) => level.id === line.variantId));
        throw new AppError("PRECONDITION_FAILED", `Sorry, ${short?.name ?? "an item"} is no longer available in that quantity.`, { reason: "OUT_OF_STOCK" });
      }
      const quantities = new Map(priced.lines.map((line) => [line.variantId, line.quantity]));
      const order = await insertOrder(tx, {
        ...input,
        currency: config.currency,
        providerName,
        cartId: checkout.cartId,
        cartItemIds: checkout.items.map((item) => item.id),
        method: checkout.shippingMethod,
        priced,
        movements: reserved.map((level) => ({ variantId: level.id, reservedDelta: quantities.get(level.id) ?? 0, stockAfter: level.stockOnHand, reservedAfter: level.reserved })),
      });
      if (priced.couponId !== null) {
        await redeemCoupon(tx, { couponId: priced.couponId, orderId: order.id, userId: input.userId, email: input.email, discount: priced.discount, code: priced.couponCode ?? "" });
      }
      const { id, paymentId, ...summary } = order;
      return { orderId: id, order: summary, payment: { id: paymentId, amount: summary.total, currency: summary.currency }, created: true };
    });
  } catch (error) {
    // A double submission raced us: the other one created the order; return it.
    if (isUniqueViolation(error)) {
      const raced = await loadCheckout(sql, { idempotencyKey: input.idempotencyKey, owner: input.owner, country: input.shippingAddress.country, region: null, shippingMethod: input.shippingMethod });
      if (raced.existing) return replayed(raced.existing, input);
    }
    throw error;
  }
}

function replayed(order: NonNullable<Awaited<ReturnType<typeof loadCheckout>>["existing"]>, input: PlaceOrderInput) {
  if (order.userId !== input.userId || order.email !== input.email) {
    throw new AppError("CONFLICT", "This checkout key belongs to another order");
  }
  const { id, userId: _owner, ...summary } = order;
  return { orderId: id, order: summary, payment: null, created: false };
}

const addressRow = (kind: "SHIPPING" | "BILLING", address: AddressData) => ({
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
 * The order and everything that goes with it in one statement: its lines, addresses, first
 * event, payment record and inventory movements (each line read from JSON), and the ordered
 * lines removed from the cart. CHECK constraints on Order (the money adds up) still apply.
 */
async function insertOrder(
  tx: Sql,
  input: PlaceOrderInput & {
    currency: string;
    providerName: string;
    cartId: number;
    cartItemIds: number[];
    method: { id: number; name: string };
    priced: Priced;
    movements: Array<{ variantId: number; reservedDelta: number; stockAfter: number; reservedAfter: number }>;
  },
) {
  const { priced } = input;
  const items = priced.lines.map((line) => ({
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
  const addresses = [addressRow("SHIPPING", input.shippingAddress), ...(input.billingAddress ? [addressRow("BILLING", input.billingAddress)] : [])];
  const expires = new Date(Date.now() + RESERVATION_MS).toISOString();
  const [order] = await sqlRows(
    tx,
    PlacedRow,
    Prisma.sql`
    WITH o AS (
      INSERT INTO "Order" ("userId", "email", "currency", "subtotal", "discountTotal", "shippingTotal", "taxTotal", "total",
                           "couponId", "couponCode", "shippingMethodId", "shippingMethodName", "idempotencyKey", "reservationExpiresAt", "updatedAt")
      VALUES (${input.userId}::int, ${input.email}, ${input.currency}, ${priced.subtotal}, ${priced.discount}, ${priced.shipping}, ${priced.tax}, ${priced.total},
              ${priced.couponId}::int, ${priced.couponCode}::text, ${input.method.id}, ${input.method.name}, ${input.idempotencyKey},
              (${expires}::timestamptz AT TIME ZONE 'UTC'), ${utcNow})
      RETURNING "id", "number", "email", "total", "currency", "status"
    ), items AS (
      INSERT INTO "OrderItem" ("orderId", "productId", "variantId", "productName", "variantTitle", "sku", "imagePath", "unitPrice", "quantity",
                               "discountAmount", "taxAmount", "total")
      SELECT o."id", l.* FROM o, json_to_recordset(${JSON.stringify(items)}::json) AS l(
        "productId" int, "variantId" int, "productName" text, "variantTitle" text, "sku" text, "imagePath" text, "unitPrice" int, "quantity" int,
        "discountAmount" int, "taxAmount" int, "total" int)
    ), addresses AS (
      INSERT INTO "OrderAddress" ("orderId", "kind", "fullName", "company", "line1", "line2", "city", "region", "postalCode", "country", "phone")
      SELECT o."id", a.* FROM o, json_to_recordset(${JSON.stringify(addresses)}::json) AS a(
        "kind" "AddressKind", "fullName" text, "company" text, "line1" text, "line2" text, "city" text, "region" text, "postalCode" text, "country" text, "phone" text)
    ), event AS (
      INSERT INTO "OrderEvent" ("orderId", "toStatus", "actorType", "actorId", "message")
      SELECT o."id", 'PENDING_PAYMENT', ${input.userId !== null ? "CUSTOMER" : "SYSTEM"}::"ActorType", ${input.userId}::int, 'Order placed' FROM o
    ), payment AS (
      INSERT INTO "Payment" ("orderId", "provider", "amount", "currency", "updatedAt")
      SELECT o."id", ${input.providerName}, o."total", o."currency", ${utcNow} FROM o
      RETURNING "id"
    ), movements AS (
      INSERT INTO "InventoryMovement" ("variantId", "reason", "delta", "reservedDelta", "stockAfter", "reservedAfter", "orderId")
      SELECT m."variantId", 'RESERVATION', 0, m."reservedDelta", m."stockAfter", m."reservedAfter", o."id"
        FROM o, json_to_recordset(${JSON.stringify(input.movements)}::json) AS m("variantId" int, "reservedDelta" int, "stockAfter" int, "reservedAfter" int)
    ), emptied AS (
      DELETE FROM "CartItem" WHERE "cartId" = ${input.cartId} AND "id" = ANY(${input.cartItemIds}::int[])
    ), cart AS (
      UPDATE "Cart" SET "couponId" = NULL, "updatedAt" = ${utcNow} WHERE "id" = ${input.cartId}
    )
    SELECT o."id", o."number", o."email", o."total", o."currency", o."status", (SELECT "id" FROM payment) AS "paymentId" FROM o`,
  );
  if (!order) throw new Error("the order insert returned no row");
  return order;
}
