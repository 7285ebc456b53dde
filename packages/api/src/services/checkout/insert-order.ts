import { Prisma } from "@shop/db";
import { z } from "zod";
import { sqlRows, utcNowSql, type Sql } from "../../lib/sql.ts";
import type { AddressData } from "../account/addresses.ts";
import { lowStockAlertSql, lowStockOutboxSql, thresholdSql } from "../inventory/low-stock.ts";
import type { priceCheckout } from "./load.ts";
import type { PlaceOrderInput } from "./place-order.ts";

const PlacedRow = z.object({
  id: z.number(),
  number: z.number(),
  email: z.string(),
  total: z.number(),
  currency: z.string(),
  paymentStatus: z.literal("PENDING"),
  paymentId: z.number(),
});

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
  const addresses = [
    addressRow("SHIPPING", input.shippingAddress),
    ...(input.billingAddress ? [addressRow("BILLING", input.billingAddress)] : []),
  ];
  const expires = new Date(Date.now() + input.reservationMs).toISOString();
  const [order] = await sqlRows(
    tx,
    PlacedRow,
    Prisma.sql`
    WITH lines AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(items)}::json) AS l(
        "productId" int, "variantId" int, "productName" text, "variantTitle" text, "sku" text, "imagePath" text, "unitPrice" int, "quantity" int,
        "discountAmount" int, "taxAmount" int, "total" int)
    ), locked AS (
      SELECT v."id", v."lowStockAlertedAt" AS "alerted" FROM "Variant" v WHERE v."id" IN (SELECT "variantId" FROM lines) ORDER BY v."id" FOR UPDATE OF v
    ), reserved AS (
      UPDATE "Variant" v SET "reserved" = v."reserved" + l."quantity", "updatedAt" = ${utcNowSql},
             "lowStockAlertedAt" = ${lowStockAlertSql(Prisma.sql`v."stockOnHand" - v."reserved" - l."quantity"`)}
        FROM lines l, locked
       WHERE v."id" = l."variantId" AND locked."id" = v."id" AND v."stockOnHand" - v."reserved" >= l."quantity"
   RETURNING v."id", v."stockOnHand", v."reserved", l."quantity", v."sku", v."title", v."productId",
             (locked."alerted" IS NULL AND v."lowStockAlertedAt" IS NOT NULL) AS "crossed", ${thresholdSql} AS "threshold"
    ), alerts AS (
      ${lowStockOutboxSql(Prisma.sql`SELECT * FROM reserved WHERE "crossed"`)}
    ), taken AS (
      UPDATE "Coupon" SET "usageCount" = "usageCount" + 1, "updatedAt" = ${utcNowSql}
       WHERE "id" = ${priced.couponId}::int AND "active" AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")
      RETURNING "id"
    ), o AS (
      INSERT INTO "Order" ("userId", "email", "currency", "subtotal", "discountTotal", "shippingTotal", "taxTotal", "total",
                           "couponId", "couponCode", "shippingMethodId", "shippingMethodName", "idempotencyKey", "reservationExpiresAt", "updatedAt")
      SELECT ${input.userId}::int, ${input.email}, ${input.currency}, ${priced.subtotal}, ${priced.discount}, ${priced.shipping}, ${priced.tax}, ${priced.total},
             ${priced.couponId}::int, ${priced.couponCode}::text, ${input.method.id}, ${input.method.name}, ${input.idempotencyKey},
             (${expires}::timestamptz AT TIME ZONE 'UTC'), ${utcNowSql}
       WHERE CASE WHEN (SELECT count(*) FROM reserved) < ${priced.lines.length}
                  THEN shop_refuse('OUT_OF_STOCK:' || (SELECT min(l."variantId") FROM lines l WHERE l."variantId" NOT IN (SELECT "id" FROM reserved)))
                  WHEN ${priced.couponId}::int IS NOT NULL AND NOT EXISTS (SELECT 1 FROM taken) THEN shop_refuse('COUPON')
                  ELSE true END
      RETURNING "id", "number", "email", "total", "currency", "paymentStatus"
    ), items AS (
      INSERT INTO "OrderItem" ("orderId", "productId", "variantId", "productName", "variantTitle", "sku", "imagePath", "unitPrice", "quantity",
                               "discountAmount", "taxAmount", "total")
      SELECT o."id", l.* FROM o, lines l
    ), addresses AS (
      INSERT INTO "OrderAddress" ("orderId", "kind", "fullName", "company", "line1", "line2", "city", "region", "postalCode", "country", "phone")
      SELECT o."id", a.* FROM o, json_to_recordset(${JSON.stringify(addresses)}::json) AS a(
        "kind" "AddressKind", "fullName" text, "company" text, "line1" text, "line2" text, "city" text, "region" text, "postalCode" text, "country" text, "phone" text)
    ), event AS (
      INSERT INTO "OrderEvent" ("orderId", "kind", "toStatus", "actorType", "actorId", "message")
      SELECT o."id", 'payment', 'PENDING', ${input.userId !== null ? "CUSTOMER" : "SYSTEM"}::"ActorType", ${input.userId}::int, 'Order placed' FROM o
    ), payment AS (
      INSERT INTO "Payment" ("orderId", "provider", "amount", "currency", "updatedAt")
      SELECT o."id", ${input.providerName}, o."total", o."currency", ${utcNowSql} FROM o
      RETURNING "id"
    ), movements AS (
      INSERT INTO "InventoryMovement" ("variantId", "reason", "delta", "reservedDelta", "stockAfter", "reservedAfter", "orderId")
      SELECT r."id", 'RESERVATION', 0, r."quantity", r."stockOnHand", r."reserved", o."id" FROM o, reserved r
    ), redemption AS (
      INSERT INTO "CouponRedemption" ("couponId", "orderId", "userId", "email", "discountAmount")
      SELECT taken."id", o."id", ${input.userId}::int, ${input.email}, ${priced.discount} FROM o, taken
    ), emptied AS (
      DELETE FROM "CartItem" WHERE "cartId" = ${input.cartId} AND "id" = ANY(${input.cartItemIds}::int[])
    ), cart AS (
      UPDATE "Cart" SET "couponId" = NULL, "updatedAt" = ${utcNowSql} WHERE "id" = ${input.cartId}
    )
    SELECT o."id", o."number", o."email", o."total", o."currency", o."paymentStatus", (SELECT "id" FROM payment) AS "paymentId" FROM o`,
  );
  if (!order) throw new Error("the order insert returned no row");
  return order;
}
