import type { PrismaClient } from "@shop/db";
import { lineageFor } from "../cart/categories.ts";
import { couponRuleSelect, customerRedemptions, toCouponRule } from "../cart/coupon-rules.ts";
import { cartLineSelect } from "../cart/view.ts";
import { priceOrder } from "../pricing/price-order.ts";
import { findTaxRate } from "./load.ts";

/**
 * What the checkout page shows before the order is placed: every shipping method priced for
 * this cart and destination, and the totals with tax for the chosen one. Nothing is reserved.
 */
export async function quoteCheckout(
  db: PrismaClient,
  cartId: number | null,
  input: { country: string; region?: string | null; shippingMethod?: string; customer: { userId: number | null; email: string | null } },
) {
  const [cart, methods, taxRate] = await Promise.all([
    cartId ? db.cart.findUnique({ where: { id: cartId }, select: { items: { select: cartLineSelect }, coupon: { select: couponRuleSelect } } }) : null,
    db.shippingMethod.findMany({
      where: { active: true },
      select: { code: true, name: true, description: true, price: true, freeOverSubtotal: true, minDays: true, maxDays: true },
      orderBy: { position: "asc" },
    }),
    findTaxRate(db, input.country, input.region ?? null),
  ]);
  const rule = cart?.coupon ? toCouponRule(cart.coupon) : null;
  const lineage = await lineageFor(db, rule);
  const lines = (cart?.items ?? [])
    .filter((item) => item.variant.product.status === "ACTIVE")
    .map((item) => ({
      variantId: item.variant.id,
      productId: item.variant.product.id,
      categoryIds: item.variant.product.categoryId ? (lineage.get(item.variant.product.categoryId) ?? []) : [],
      unitPrice: item.variant.price,
      quantity: item.quantity,
    }));
  const coupon = rule ? { rule, customerRedemptions: await customerRedemptions(db, rule.id, input.customer) } : null;
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
