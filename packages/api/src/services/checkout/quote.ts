import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { known, prepared, rows, sqlOf } from "../../lib/sql.ts";
import { loadCart } from "../cart/lines.ts";
import { couponTerms } from "../cart/pricing-terms.ts";
import { priceCart } from "../pricing/price-cart.ts";
import { findTaxRate } from "./load.ts";

const activeMethods = prepared({}, () =>
  qb
    .selectFrom("ShippingMethod as s")
    .select(["s.code", "s.name", "s.description", "s.price", "s.freeOverSubtotal", "s.minDays", "s.maxDays"])
    .where("s.active", "=", sql.lit(true))
    .orderBy("s.position")
    .orderBy("s.id"),
);

/**
 * What the checkout page shows before the order is placed: every shipping method priced for
 * this cart and destination, and the totals with tax for the chosen one. Nothing is reserved.
 */
export async function quoteCheckout(
  db: PrismaClient,
  cartId: number | null,
  input: {
    country: string;
    region?: string | null;
    shippingMethod?: string;
    customer: { userId: number | null; email: string | null };
  },
) {
  const sql = sqlOf(db);
  const [cart, methods, taxRate] = await Promise.all([
    cartId ? loadCart(sql, cartId) : null,
    rows(sql, activeMethods({})),
    findTaxRate(sql, input.country, input.region ?? null),
  ]);
  const items = cart?.items ?? [];
  const terms = await couponTerms(sql, cart?.coupon ?? null, input.customer);
  const options = methods.map((method) => ({
    ...method,
    cost: priceCart(items, { ...terms, shipping: method, tax: taxRate }).shipping,
  }));
  const chosen = methods.find((method) => method.code === input.shippingMethod) ?? methods[0] ?? null;
  const priced = priceCart(items, { ...terms, shipping: chosen, tax: taxRate });
  return known({
    shippingMethods: options,
    shippingMethod: chosen?.code ?? null,
    taxName: taxRate?.name ?? null,
    subtotal: priced.subtotal,
    discount: priced.discount,
    shipping: priced.shipping,
    tax: priced.tax,
    total: priced.total,
  });
}
