import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import type { ApiConfig } from "../../context.ts";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { sqlOf, sqlRows, utcNow, type Sql } from "../../lib/sql.ts";
import type { AddressData } from "../account/addresses.ts";
import type { CartOwner } from "../cart/owner.ts";
import { loadCheckout, orderableCart, priceCheckout } from "./load.ts";

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
  const place = async (run: Sql) => {
    const priced = await priceCheckout(run, checkout, { userId: input.userId, email: input.email }, config.currency);
    const order = await insertOrder(run, {
      ...input,
      currency: config.currency,
      providerName,
      cartId: checkout.cartId,
      cartItemIds: checkout.items.map((item) => item.id),
      method: checkout.shippingMethod,
      priced,
    });
    const { id, paymentId, ...summary } = order;
    return { orderId: id, order: summary, payment: { id: paymentId, amount: summary.total, currency: summary.currency }, created: true };
  };
  try {
    // One statement is atomic on its own; a per-customer coupon limit also needs its lock held.
    return checkout.coupon?.perCustomerLimit ? await sql.transaction(place) : await place(sql);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal?.startsWith("OUT_OF_STOCK")) {
      const short = checkout.items.find((item) => refusal === `OUT_OF_STOCK:${item.variantId}`);
      throw new AppError("PRECONDITION_FAILED", `Sorry, ${short?.name ?? "an item"} is no longer available in that quantity.`, { reason: "OUT_OF_STOCK" });
    }
    if (refusal === "COUPON") {
      const code = checkout.coupon?.code ?? "";
      throw new AppError("PRECONDITION_FAILED", `The code ${code} has reached its usage limit. Remove it to continue.`, { reason: "COUPON" });
    }
    // A double submission raced us: the other one created the order; return it.
    if (isUniqueViolation(error)) {
      const raced = await loadCheckout(sql, { idempotencyKey: input.idempotencyKey, owner: input.owner, country: input.shippingAddress.country, region: null, shippingMethod: input.shippingMethod });
      if (raced.existing) return replayed(raced.existing, input);
    }
    throw error;
  }
}

/** The reason given to `shop_refuse` (SQLSTATE SR001) by the order statement, if that is what failed. */
function refusalOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "SR001") return null;
  return "message" in error && typeof error.message === "string" ? error.message : null;
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
 * The whole order in one statement, atomic on its own: every line reserved (rows locked in
 * variant order, each only if enough is available), a use of the coupon taken within its limit,
 * then the order with its lines, addresses, first event, payment record, inventory movements and
 * coupon redemption, and the ordered lines taken out of the cart. A short line or a coupon out of
 * uses makes `shop_refuse` raise, which undoes the lines already reserved; the order row then
 * never exists, so a lost race does not burn an order number. CHECK constraints (stock, the
 * order's money adding up, coupon usage) back every step.
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
    WITH lines AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(items)}::json) AS l(
        "productId" int, "variantId" int, "productName" text, "variantTitle" text, "sku" text, "imagePath" text, "unitPrice" int, "quantity" int,
        "discountAmount" int, "taxAmount" int, "total" int)
    ), locked AS (
      SELECT v."id" FROM "Variant" v WHERE v."id" IN (SELECT "variantId" FROM lines) ORDER BY v."id" FOR UPDATE OF v
    ), reserved AS (
      UPDATE "Variant" v SET "reserved" = v."reserved" + l."quantity", "updatedAt" = ${utcNow}
        FROM lines l, locked
       WHERE v."id" = l."variantId" AND locked."id" = v."id" AND v."stockOnHand" - v."reserved" >= l."quantity"
   RETURNING v."id", v."stockOnHand", v."reserved", l."quantity"
    ), taken AS (
      UPDATE "Coupon" SET "usageCount" = "usageCount" + 1, "updatedAt" = ${utcNow}
       WHERE "id" = ${priced.couponId}::int AND "active" AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")
      RETURNING "id"
    ), o AS (
      INSERT INTO "Order" ("userId", "email", "currency", "subtotal", "discountTotal", "shippingTotal", "taxTotal", "total",
                           "couponId", "couponCode", "shippingMethodId", "shippingMethodName", "idempotencyKey", "reservationExpiresAt", "updatedAt")
      SELECT ${input.userId}::int, ${input.email}, ${input.currency}, ${priced.subtotal}, ${priced.discount}, ${priced.shipping}, ${priced.tax}, ${priced.total},
             ${priced.couponId}::int, ${priced.couponCode}::text, ${input.method.id}, ${input.method.name}, ${input.idempotencyKey},
             (${expires}::timestamptz AT TIME ZONE 'UTC'), ${utcNow}
       WHERE CASE WHEN (SELECT count(*) FROM reserved) < ${priced.lines.length}
                  THEN shop_refuse('OUT_OF_STOCK:' || (SELECT min(l."variantId") FROM lines l WHERE l."variantId" NOT IN (SELECT "id" FROM reserved)))
                  WHEN ${priced.couponId}::int IS NOT NULL AND NOT EXISTS (SELECT 1 FROM taken) THEN shop_refuse('COUPON')
                  ELSE true END
      RETURNING "id", "number", "email", "total", "currency", "status"
    ), items AS (
      INSERT INTO "OrderItem" ("orderId", "productId", "variantId", "productName", "variantTitle", "sku", "imagePath", "unitPrice", "quantity",
                               "discountAmount", "taxAmount", "total")
      SELECT o."id", l.* FROM o, lines l
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
      SELECT r."id", 'RESERVATION', 0, r."quantity", r."stockOnHand", r."reserved", o."id" FROM o, reserved r
    ), redemption AS (
      INSERT INTO "CouponRedemption" ("couponId", "orderId", "userId", "email", "discountAmount")
      SELECT taken."id", o."id", ${input.userId}::int, ${input.email}, ${priced.discount} FROM o, taken
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
