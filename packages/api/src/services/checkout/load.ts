import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { lineageFor } from "../cart/categories.ts";
import { couponMessage, couponRuleSelect, customerRedemptions, toCouponRule } from "../cart/coupon-rules.ts";
import { cartLineSelect } from "../cart/view.ts";
import { priceOrder } from "../pricing/price-order.ts";

type Tx = Prisma.TransactionClient;

/** What a checkout needs from the database: the cart's lines, coupon, shipping method and tax rate. */
export async function loadCheckout(tx: Tx, cartId: number, where: { country: string; region: string | null; shippingMethod: string }) {
  const cart = await tx.cart.findUnique({
    where: { id: cartId },
    select: { items: { select: cartLineSelect, orderBy: { variantId: "asc" } }, coupon: { select: couponRuleSelect } },
  });
  if (!cart || cart.items.length === 0) throw new AppError("PRECONDITION_FAILED", "Your cart is empty");
  const unavailable = cart.items.find((item) => item.variant.product.status !== "ACTIVE");
  if (unavailable) throw new AppError("PRECONDITION_FAILED", `${unavailable.variant.product.name} is no longer sold. Remove it to continue.`);
  const shippingMethod = await tx.shippingMethod.findFirst({
    where: { code: where.shippingMethod, active: true },
    select: { id: true, name: true, price: true, freeOverSubtotal: true },
  });
  if (!shippingMethod) throw new AppError("BAD_INPUT", "Choose a shipping method", { field: "shippingMethod" });
  const taxRate = await findTaxRate(tx, where.country, where.region);
  const coupon = cart.coupon ? toCouponRule(cart.coupon) : null;
  return { items: cart.items, coupon, shippingMethod, taxRate, lineage: await lineageFor(tx, coupon) };
}

/** A rate for the region if there is one, else for the whole country, else none. */
export async function findTaxRate(tx: Tx | PrismaClient, country: string, region: string | null) {
  const rates = await tx.taxRate.findMany({
    where: { country: country.toUpperCase(), region: { in: region ? [region.toUpperCase(), ""] : [""] } },
    select: { region: true, rateBps: true, appliesToShipping: true, name: true },
  });
  return rates.find((rate) => rate.region !== "") ?? rates[0] ?? null;
}

type Loaded = Awaited<ReturnType<typeof loadCheckout>>;

/**
 * Prices a checkout. A coupon attached to the cart must still apply: if it no longer does, the
 * checkout stops and says why rather than charging something else than the shopper saw.
 */
export async function priceCheckout(tx: Tx, checkout: Loaded, customer: { userId: number | null; email: string }, currency: string) {
  const rule = checkout.coupon;
  if (rule?.perCustomerLimit) {
    // Serialise this customer's checkouts with this coupon, so the per-customer limit holds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${rule.id}, hashtext(${customer.userId !== null ? `user:${customer.userId}` : `email:${customer.email}`}))`;
  }
  const redemptions = rule ? await customerRedemptions(tx, rule.id, customer) : 0;
  const lines = checkout.items.map((item) => ({
    variantId: item.variant.id,
    productId: item.variant.product.id,
    categoryIds: item.variant.product.categoryId ? (checkout.lineage.get(item.variant.product.categoryId) ?? []) : [],
    unitPrice: item.variant.price,
    quantity: item.quantity,
    name: item.variant.product.name,
    variantTitle: item.variant.title,
    sku: item.variant.sku,
    imagePath: item.variant.product.images[0]?.path ?? null,
  }));
  const priced = priceOrder({
    lines,
    coupon: rule ? { rule, customerRedemptions: redemptions } : null,
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
    couponId: rule && priced.coupon?.ok ? rule.id : null,
    couponCode: rule && priced.coupon?.ok ? rule.code : null,
  };
}
