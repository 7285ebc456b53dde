import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { responsiveImage } from "../../lib/media.ts";
import { known, sqlOf, type Sql } from "../../lib/sql.ts";
import { MAX_LINE_QUANTITY } from "@shop/validators/limits";
import { priceCart } from "../pricing/price-cart.ts";
import { couponMessage } from "./coupon-rules.ts";
import { loadCart, type CartState } from "./lines.ts";
import { couponTerms } from "./pricing-terms.ts";

export type LineProblem = "UNAVAILABLE" | "OUT_OF_STOCK" | "INSUFFICIENT_STOCK";

/**
 * The cart as the shopper sees it, priced from the database now: current prices (with a flag
 * when one changed since the item was added), availability, the coupon's discount or the
 * reason it does not apply, and the totals before shipping and tax.
 */
export async function cartView(
  db: PrismaClient,
  config: Pick<ApiConfig, "currency" | "mediaBaseUrl">,
  cartId: number | null,
  customer: { userId: number | null; email: string | null },
) {
  const sql = sqlOf(db);
  return presentCart(sql, config, cartId ? await loadCart(sql, cartId) : null, customer);
}

export async function presentCart(
  sql: Sql,
  config: Pick<ApiConfig, "currency" | "mediaBaseUrl">,
  cart: CartState | null,
  customer: { userId: number | null; email: string | null },
) {
  const items = cart?.items ?? [];
  const rule = cart?.coupon ?? null;
  const lines = items.map((item) => {
    const available = Math.max(0, item.stockOnHand - item.reserved);
    const problem: LineProblem | null =
      item.status !== "ACTIVE"
        ? "UNAVAILABLE"
        : available === 0
          ? "OUT_OF_STOCK"
          : item.quantity > available
            ? "INSUFFICIENT_STOCK"
            : null;
    return {
      id: item.id,
      variantId: item.variantId,
      productId: item.productId,
      slug: item.slug,
      name: item.name,
      variantTitle: item.title,
      sku: item.sku,
      quantity: item.quantity,
      maxQuantity: Math.min(MAX_LINE_QUANTITY, available),
      unitPrice: item.price,
      compareAtPrice: item.compareAtPrice,
      /** The price when it was put in the cart, when it has changed since. */
      previousPrice: item.priceWhenAdded !== item.price ? item.priceWhenAdded : null,
      available,
      problem,
      image:
        item.imagePath !== null
          ? {
              path: item.imagePath,
              alt: item.imageAlt ?? "",
              ...responsiveImage(config, {
                path: item.imagePath,
                width: item.imageWidth ?? 0,
                height: item.imageHeight ?? 0,
                widths: item.imageWidths ?? [],
              }),
            }
          : null,
    };
  });
  const priced = priceCart(items, await couponTerms(sql, rule, customer));
  return known({
    id: cart?.cartId ?? null,
    currency: config.currency,
    items: lines.map((line) => ({ ...line, lineTotal: line.unitPrice * line.quantity })),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    coupon: rule
      ? {
          code: rule.code,
          applied: priced.coupon?.ok === true,
          message:
            priced.coupon && !priced.coupon.ok
              ? couponMessage(priced.coupon.problem, config.currency, priced.coupon.shortfall)
              : null,
          freeShipping: priced.coupon?.ok === true && priced.coupon.freeShipping,
        }
      : null,
    subtotal: priced.subtotal,
    discount: priced.discount,
    total: priced.subtotal - priced.discount,
    canCheckout: lines.length > 0 && lines.every((line) => line.problem === null),
  });
}
export type CartView = Awaited<ReturnType<typeof cartView>>;
