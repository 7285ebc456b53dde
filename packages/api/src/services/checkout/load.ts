import { qb } from "@shop/db";
import { sql, type Expression, type SqlBool } from "kysely";
import { jsonBuildObject } from "kysely/helpers/postgres";
import { AppError } from "../../errors.ts";
import { prepared, rows, type Sql } from "../../lib/sql.ts";
import { couponMessage } from "../cart/coupon-rules.ts";
import { cartState, toCartState } from "../cart/lines.ts";
import { ownerKey, ownerMatch, type CartOwner } from "../cart/owner.ts";
import { couponTerms } from "../cart/pricing-terms.ts";
import { priceCart } from "../pricing/price-cart.ts";

/** Regions to look a rate up by: the region's own, then the whole country's (region ""). */
const regionsOf = (region: string | null) => (region ? [region.toUpperCase(), ""] : [""]);

/** The rate for the region if there is one, else for the whole country (select its columns). */
const taxRates = (country: string, regions: string[]) =>
  qb
    .selectFrom("TaxRate as t")
    .where("t.country", "=", country)
    .where((eb) => eb("t.region", "=", eb.fn.any(sql<string[]>`${regions}::text[]`)))
    .orderBy((eb) => eb("t.region", "=", sql.lit("")))
    .limit(1);

const taxRate = prepared({ country: "\0country", regions: ["\0regions"] }, ({ country, regions }) =>
  taxRates(country, regions).select(["t.name", "t.rateBps", "t.appliesToShipping"]),
);

export async function findTaxRate(sql: Sql, country: string, region: string | null) {
  const [rate] = await rows(sql, taxRate({ country: country.toUpperCase(), regions: regionsOf(region) }));
  return rate ?? null;
}

type CheckoutKey = { idempotencyKey: string; shippingMethod: string; country: string; regions: string[] };

/**
 * Everything placing an order reads, in one statement: an order already placed with this
 * idempotency key, the cart's lines and coupon, the shipping method and the tax rate.
 */
const checkoutQuery = (key: CheckoutKey, cart: Expression<SqlBool>) =>
  qb.selectNoFrom((eb) => [
    eb
      .selectFrom("Order as o")
      .select((eb) =>
        jsonBuildObject({
          id: eb.ref("o.id"),
          number: eb.ref("o.number"),
          userId: eb.ref("o.userId"),
          email: eb.ref("o.email"),
          total: eb.ref("o.total"),
          currency: eb.ref("o.currency"),
          paymentStatus: eb.ref("o.paymentStatus"),
        }).as("existing"),
      )
      .where("o.idempotencyKey", "=", key.idempotencyKey)
      .$asScalar()
      .as("existing"),
    eb.selectFrom("Cart as c").select(jsonBuildObject(cartState()).as("cart")).where(cart).$asScalar().as("cart"),
    eb
      .selectFrom("ShippingMethod as s")
      .select((eb) =>
        jsonBuildObject({
          id: eb.ref("s.id"),
          name: eb.ref("s.name"),
          price: eb.ref("s.price"),
          freeOverSubtotal: eb.ref("s.freeOverSubtotal"),
        }).as("shippingMethod"),
      )
      .where("s.code", "=", key.shippingMethod)
      .where("s.active", "=", sql.lit(true))
      .orderBy("s.id")
      .limit(1)
      .$asScalar()
      .as("shippingMethod"),
    taxRates(key.country, key.regions)
      .select((eb) =>
        jsonBuildObject({
          name: eb.ref("t.name"),
          rateBps: eb.ref("t.rateBps"),
          appliesToShipping: eb.ref("t.appliesToShipping"),
        }).as("taxRate"),
      )
      .$asScalar()
      .as("taxRate"),
  ]);

// One compiled text per shape of the owner's condition (see `prepared`).
const key: CheckoutKey = {
  idempotencyKey: "\0key",
  shippingMethod: "\0method",
  country: "\0country",
  regions: ["\0r"],
};
const checkoutOf = {
  user: prepared({ ...key, userId: -1 }, (values) =>
    checkoutQuery(values, ownerMatch({ by: "user", userId: values.userId })),
  ),
  token: prepared({ ...key, tokenHash: new Uint8Array(0) }, (values) =>
    checkoutQuery(values, ownerMatch({ by: "token", tokenHash: values.tokenHash })),
  ),
  none: prepared(key, (values) => checkoutQuery(values, ownerMatch(null))),
};

export async function loadCheckout(
  sql: Sql,
  where: { idempotencyKey: string; owner: CartOwner; country: string; region: string | null; shippingMethod: string },
) {
  const values = {
    idempotencyKey: where.idempotencyKey,
    shippingMethod: where.shippingMethod,
    country: where.country.toUpperCase(),
    regions: regionsOf(where.region),
  };
  const owner = ownerKey(where.owner);
  const query = !owner
    ? checkoutOf.none(values)
    : owner.by === "user"
      ? checkoutOf.user({ ...values, userId: owner.userId })
      : checkoutOf.token({ ...values, tokenHash: owner.tokenHash });
  const [row] = await rows(sql, query);
  if (!row) throw new Error("the checkout query returned no row");
  return { ...row, cart: row.cart && toCartState(row.cart) };
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

const customerLock = prepared({ couponId: -1, key: "\0key" }, ({ couponId, key }) =>
  qb.selectNoFrom((eb) =>
    eb.fn<void>("pg_advisory_xact_lock", [sql`${couponId}::int`, eb.fn("hashtext", [sql`${key}::text`])]).as("locked"),
  ),
);

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
    await rows(tx, customerLock({ couponId: rule.id, key }));
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
