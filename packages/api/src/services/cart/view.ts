import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { mediaUrl } from "../../lib/media.ts";
import { priceOrder } from "../pricing/price-order.ts";
import { lineageFor } from "./categories.ts";
import { couponMessage, couponRuleSelect, customerRedemptions, toCouponRule } from "./coupon-rules.ts";

export const MAX_LINE_QUANTITY = 10;
export const MAX_CART_LINES = 50;

export const cartLineSelect = {
  id: true,
  quantity: true,
  priceWhenAdded: true,
  variant: {
    select: {
      id: true,
      sku: true,
      title: true,
      price: true,
      compareAtPrice: true,
      stockOnHand: true,
      reserved: true,
      product: {
        select: {
          id: true,
          slug: true,
          name: true,
          status: true,
          categoryId: true,
          images: { select: { path: true, alt: true, width: true, height: true }, orderBy: { position: "asc" }, take: 1 },
        },
      },
    },
  },
} satisfies Prisma.CartItemSelect;

type Db = PrismaClient | Prisma.TransactionClient;
export type LineProblem = "UNAVAILABLE" | "OUT_OF_STOCK" | "INSUFFICIENT_STOCK";

/**
 * The cart as the shopper sees it, priced from the database now: current prices (with a flag
 * when one changed since the item was added), availability, the coupon's discount or the
 * reason it does not apply, and the totals before shipping and tax.
 */
export async function cartView(db: Db, config: Pick<ApiConfig, "currency" | "mediaBaseUrl">, cartId: number | null, customer: { userId: number | null; email: string | null }) {
  const cart = cartId
    ? await db.cart.findUnique({
        where: { id: cartId },
        select: { id: true, items: { select: cartLineSelect, orderBy: { id: "asc" } }, coupon: { select: couponRuleSelect } },
      })
    : null;
  const items = cart?.items ?? [];
  const rule = cart?.coupon ? toCouponRule(cart.coupon) : null;
  const lineage = items.length ? await lineageFor(db, rule) : new Map<number, number[]>();
  const lines = items.map((item) => {
    const { variant } = item;
    const available = Math.max(0, variant.stockOnHand - variant.reserved);
    const problem: LineProblem | null =
      variant.product.status !== "ACTIVE" ? "UNAVAILABLE" : available === 0 ? "OUT_OF_STOCK" : item.quantity > available ? "INSUFFICIENT_STOCK" : null;
    const image = variant.product.images[0];
    return {
      id: item.id,
      variantId: variant.id,
      productId: variant.product.id,
      slug: variant.product.slug,
      name: variant.product.name,
      variantTitle: variant.title,
      sku: variant.sku,
      quantity: item.quantity,
      maxQuantity: Math.min(MAX_LINE_QUANTITY, available),
      unitPrice: variant.price,
      compareAtPrice: variant.compareAtPrice,
      /** The price when it was put in the cart, when it has changed since. */
      previousPrice: item.priceWhenAdded !== variant.price ? item.priceWhenAdded : null,
      available,
      problem,
      image: image ? { ...image, url: mediaUrl(config, image.path) } : null,
      categoryIds: variant.product.categoryId ? (lineage.get(variant.product.categoryId) ?? []) : [],
    };
  });
  const redemptions = rule ? await customerRedemptions(db, rule.id, customer) : 0;
  const priced = priceOrder({
    lines: lines.filter((line) => line.problem !== "UNAVAILABLE").map((line) => ({ ...line, quantity: line.quantity })),
    coupon: rule ? { rule, customerRedemptions: redemptions } : null,
  });
  return {
    id: cart?.id ?? null,
    currency: config.currency,
    items: lines.map(({ categoryIds: _lineage, ...line }) => ({ ...line, lineTotal: line.unitPrice * line.quantity })),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    coupon: rule
      ? {
          code: rule.code,
          applied: priced.coupon?.ok === true,
          message: priced.coupon && !priced.coupon.ok ? couponMessage(priced.coupon.problem, config.currency, priced.coupon.shortfall) : null,
          freeShipping: priced.coupon?.ok === true && priced.coupon.freeShipping,
        }
      : null,
    subtotal: priced.subtotal,
    discount: priced.discount,
    total: priced.subtotal - priced.discount,
    canCheckout: lines.length > 0 && lines.every((line) => line.problem === null),
  };
}
export type CartView = Awaited<ReturnType<typeof cartView>>;
