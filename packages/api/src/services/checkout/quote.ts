import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { sqlOf, sqlRows } from "../../lib/sql.ts";
import { lineageFor } from "../cart/categories.ts";
import { customerRedemptions } from "../cart/coupon-rules.ts";
import { loadCart } from "../cart/lines.ts";
import { priceOrder } from "../pricing/price-order.ts";
import { findTaxRate } from "./load.ts";

const ShippingMethodRow = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number(),
  freeOverSubtotal: z.number().nullable(),
  minDays: z.number(),
  maxDays: z.number(),
});

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
    sqlRows(
      sql,
      ShippingMethodRow,
      Prisma.sql`SELECT s."code", s."name", s."description", s."price", s."freeOverSubtotal", s."minDays", s."maxDays"
                   FROM "ShippingMethod" s WHERE s."active" ORDER BY s."position", s."id"`,
    ),
    findTaxRate(sql, input.country, input.region ?? null),
  ]);
  const rule = cart?.coupon ?? null;
  const lineage = await lineageFor(sql, rule);
  const lines = (cart?.items ?? [])
    .filter((item) => item.status === "ACTIVE")
    .map((item) => ({
      variantId: item.variantId,
      productId: item.productId,
      categoryIds: item.categoryId ? (lineage.get(item.categoryId) ?? []) : [],
      unitPrice: item.price,
      quantity: item.quantity,
    }));
  const coupon = rule ? { rule, customerRedemptions: await customerRedemptions(sql, rule.id, input.customer) } : null;
  const options = methods.map((method) => ({
    ...method,
    cost: priceOrder({ lines, coupon, shipping: method, tax: taxRate }).shipping,
  }));
  const chosen = methods.find((method) => method.code === input.shippingMethod) ?? methods[0] ?? null;
  const priced = priceOrder({ lines, coupon, shipping: chosen, tax: taxRate });
  return {
    shippingMethods: options,
    shippingMethod: chosen?.code ?? null,
    taxName: taxRate?.name ?? null,
    subtotal: priced.subtotal,
    discount: priced.discount,
    shipping: priced.shipping,
    tax: priced.tax,
    total: priced.total,
  };
}
