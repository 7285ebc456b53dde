import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { responsiveImage } from "../../lib/media.ts";

/** A product as saved: its chosen variant's price and stock, or the product's lowest price. */
async function snapshot(db: PrismaClient, productId: number, variantId: number | null) {
  const product = await db.product.findFirst({
    where: { id: productId, status: "ACTIVE" },
    select: {
      id: true,
      priceMin: true,
      inStock: true,
      variants: {
        where: variantId ? { id: variantId } : { id: -1 },
        select: { id: true, price: true, stockOnHand: true, reserved: true },
      },
    },
  });
  if (!product) throw new AppError("NOT_FOUND", "Product not found");
  const variant = product.variants[0];
  if (variantId && !variant) throw new AppError("NOT_FOUND", "That option is not part of this product");
  return variant
    ? { variantId: variant.id, price: variant.price, inStock: variant.stockOnHand > variant.reserved }
    : { variantId: null, price: product.priceMin, inStock: product.inStock };
}

/** Saves a product (one entry per product; saving again updates the chosen variant). */
export async function addToWishlist(
  db: PrismaClient,
  userId: number,
  input: { productId: number; variantId?: number | null },
) {
  const now = await snapshot(db, input.productId, input.variantId ?? null);
  await db.wishlistItem.upsert({
    where: { userId_productId: { userId, productId: input.productId } },
    create: {
      userId,
      productId: input.productId,
      variantId: now.variantId,
      priceWhenAdded: now.price,
      inStockWhenAdded: now.inStock,
    },
    update: { variantId: now.variantId, priceWhenAdded: now.price, inStockWhenAdded: now.inStock },
  });
  return { productId: input.productId, saved: true };
}

export async function removeFromWishlist(db: PrismaClient, userId: number, productId: number) {
  await db.wishlistItem.deleteMany({ where: { userId, productId } });
  return { productId, saved: false };
}

export async function savedProductIds(db: PrismaClient, userId: number) {
  return (await db.wishlistItem.findMany({ where: { userId }, select: { productId: true } })).map(
    (item) => item.productId,
  );
}

/**
 * The wishlist with today's price and stock, flagging a price drop or a return to stock since
 * the product was saved.
 */
export async function listWishlist(
  db: PrismaClient,
  config: Pick<ApiConfig, "mediaBaseUrl" | "currency">,
  userId: number,
) {
  const items = await db.wishlistItem.findMany({
    where: { userId },
    select: {
      productId: true,
      priceWhenAdded: true,
      inStockWhenAdded: true,
      createdAt: true,
      variant: { select: { id: true, title: true, price: true, stockOnHand: true, reserved: true } },
      product: {
        select: {
          name: true,
          slug: true,
          status: true,
          priceMin: true,
          inStock: true,
          brandName: true,
          imagePath: true,
          imageAlt: true,
          imageWidth: true,
          imageHeight: true,
          imageWidths: true,
          variants: { select: { id: true } },
        },
      },
    },
    orderBy: { createdAt: "desc" },
  });
  return items.map(({ product, variant, ...item }) => {
    const price = variant?.price ?? product.priceMin;
    const inStock = product.status === "ACTIVE" && (variant ? variant.stockOnHand > variant.reserved : product.inStock);
    return {
      ...item,
      name: product.name,
      slug: product.slug,
      brand: product.brandName,
      image: product.imagePath
        ? {
            alt: product.imageAlt ?? product.name,
            ...responsiveImage(config, {
              path: product.imagePath,
              width: product.imageWidth ?? 800,
              height: product.imageHeight ?? 800,
              widths: product.imageWidths,
            }),
          }
        : null,
      variantId: variant?.id ?? (product.variants.length === 1 ? (product.variants[0]?.id ?? null) : null),
      variantTitle: variant?.title ?? null,
      available: product.status === "ACTIVE",
      price,
      currency: config.currency,
      inStock,
      priceDropped: price < item.priceWhenAdded,
      backInStock: inStock && !item.inStockWhenAdded,
    };
  });
}
