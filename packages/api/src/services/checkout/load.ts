import { Prisma } from "@shop/db";
import { OrderPaymentStatus } from "@shop/db/enums";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { sqlRows, type Sql } from "../../lib/sql.ts";
import { couponMessage } from "../cart/coupon-rules.ts";
import { CartState, cartStateColumns } from "../cart/lines.ts";
import { ownerMatch, type CartOwner } from "../cart/owner.ts";
import { couponTerms } from "../cart/pricing-terms.ts";
import { priceCart } from "../pricing/price-cart.ts";

const TaxRateJson = z.object({ name: z.string(), rateBps: z.number(), appliesToShipping: z.boolean() });

/** A rate for the region if there is one, else for the whole country, else none (as JSON). */
function taxRateJson(country: string, region: string | null) {
  const regions = region ? [region.toUpperCase(), ""] : [""];
  return Prisma.sql`(SELECT json_build_object('name', t."name", 'rateBps', t."rateBps", 'appliesToShipping', t."appliesToShipping")
                       FROM "TaxRate" t WHERE t."country" = ${country.toUpperCase()} AND t."region" = ANY(${regions}::text[])
                      ORDER BY t."region" = '' LIMIT 1)`;
}

export async function findTaxRate(sql: Sql, country: string, region: string | null) {
  const [row] = await sqlRows(
    sql,
    z.object({ rate: TaxRateJson.nullable() }),
    Prisma.sql`SELECT ${taxRateJson(country, region)} AS "rate"`,
  );
  return row?.rate ?? null;
}

const ExistingOrder = z.object({
  id: z.number(),
  number: z.number(),
  userId: z.number().nullable(),
  email: z.string(),
  total: z.number(),
  currency: z.string(),
  paymentStatus: z.enum(OrderPaymentStatus),
});

const CheckoutRow = z.object({
  existing: ExistingOrder.nullable(),
  cart: CartState.nullable(),
  shippingMethod: z
    .object({ id: z.number(), name: z.string(), price: z.number(), freeOverSubtotal: z.number().nullable() })
    .nullable(),
  taxRate: TaxRateJson.nullable(),
});

/**
 * Everything placing an order reads, in one statement: an order already placed with this
 * idempotency key, the cart's lines and coupon, the shipping method and the tax rate.
 */
export async function loadCheckout(
  sql: Sql,
  where: { idempotencyKey: string; owner: CartOwner; country: string; region: string | null; shippingMethod: string },
) {
  const match = ownerMatch(where.owner) ?? Prisma.sql`false`;
  const [row] = await sqlRows(
    sql,
    CheckoutRow,
    Prisma.sql`SELECT
      (SELECT json_build_object('id', o."id", 'number', o."number", 'userId', o."userId", 'email', o."email", 'total', o."total",
                                'currency', o."currency", 'paymentStatus', o."paymentStatus")
         FROM "Order" o WHERE o."idempotencyKey" = ${where.idempotencyKey}) AS "existing",
      (SELECT row_to_json(x) FROM (SELECT ${cartStateColumns()} FROM "Cart" c WHERE ${match}) x) AS "cart",
      (SELECT json_build_object('id', s."id", 'name', s."name", 'price', s."price", 'freeOverSubtotal', s."freeOverSubtotal")
         FROM "ShippingMethod" s WHERE s."code" = ${where.shippingMethod} AND s."active" ORDER BY s."id" LIMIT 1) AS "shippingMethod",
      ${taxRateJson(where.country, where.region)} AS "taxRate"`,
  );
  if (!row) throw new Error("the checkout query returned no row");
  return row;
}

type Loaded = Awaited<ReturnType<typeof loadCheckout>>;

/** The cart checked for ordering: not empty, every product still sold, a shipping method chosen. */
export function orderableCart(loaded: Loaded) {
  const cart = loaded.cart;
  if (!cart || cart.items.length === 0) throw new AppError("PRECONDITION_FAILED", "Your cart is empty");
  const unavailable = cart.items.find((item) => item.status !== "ACTIVE");
  if (unavailable)
    throw new AppError("PRECONDITION_FAILED", `${unavailable.name} is no longer sold. Remove it to continue.`);
  if (!loaded.shippingMethod) throw new AppError("BAD_INPUT", "Choose a shipping method", { field: "shippingMethod" });
  // Variant order: reservations lock rows in it, so concurrent orders never deadlock.
  const items = cart.items.toSorted((a, b) => a.variantId - b.variantId);
  return {
    cartId: cart.cartId,
    items,
    coupon: cart.coupon,
    shippingMethod: loaded.shippingMethod,
    taxRate: loaded.taxRate,
  };
}

type Orderable = ReturnType<typeof orderableCart>;

/**
 * Prices a checkout (inside its transaction when a per-customer coupon limit needs the lock). A coupon attached to the cart must still apply: if
 * it no longer does, the checkout stops and says why rather than charging something else than
 * the shopper saw.
 */
export async function priceCheckout(
  tx: Sql,
  checkout: Orderable,
  customer: { userId: number | null; email: string },
  currency: string,
) {
  const rule = checkout.coupon;
  if (rule?.perCustomerLimit) {
    // Serialise this customer's checkouts with this coupon, so the per-customer limit holds.
    const key = customer.userId !== null ? `user:${customer.userId}` : `email:${customer.email}`;
    await tx.rows(Prisma.sql`SELECT pg_advisory_xact_lock(${rule.id}::int, hashtext(${key}::text))`);
  }
  const priced = priceCart(checkout.items, {
    ...(await couponTerms(tx, rule, customer)),
    shipping: checkout.shippingMethod,
    tax: checkout.taxRate,
  });
  if (rule && priced.coupon && !priced.coupon.ok) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The code ${rule.code} no longer applies: ${couponMessage(priced.coupon.problem, currency, priced.coupon.shortfall)} Remove it to continue.`,
      { reason: "COUPON" },
    );
  }
  return {
    ...priced,
    // The order keeps a snapshot of what was sold.
    lines: priced.lines.map(({ item, ...line }) => ({
      ...line,
      name: item.name,
      variantTitle: item.title,
      sku: item.sku,
      imagePath: item.imagePath,
    })),
    couponId: rule && priced.coupon?.ok ? rule.id : null,
    couponCode: rule && priced.coupon?.ok ? rule.code : null,
  };
}
