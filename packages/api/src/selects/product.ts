import type { Prisma } from "@shop/db";
import type { ApiConfig } from "../context.ts";
import { mediaUrl } from "../lib/media.ts";

// Named selects: every query says which fields it returns, so nothing leaks by accident.

const imageSelect = { path: true, alt: true, width: true, height: true } satisfies Prisma.ProductImageSelect;

export const productCardSelect = {
  id: true,
  slug: true,
  name: true,
  priceMin: true,
  priceMax: true,
  inStock: true,
  createdAt: true,
  brand: { select: { name: true, slug: true } },
  images: { select: imageSelect, orderBy: { position: "asc" }, take: 1 },
} satisfies Prisma.ProductSelect;

type ProductCardRow = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;
type ImageRow = Prisma.ProductImageGetPayload<{ select: typeof imageSelect }>;

export function toImage(config: Pick<ApiConfig, "mediaBaseUrl">, image: ImageRow) {
  return { url: mediaUrl(config, image.path), alt: image.alt, width: image.width, height: image.height };
}

export function toProductCard(config: Pick<ApiConfig, "mediaBaseUrl" | "currency">, row: ProductCardRow) {
  const image = row.images[0];
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    price: { min: row.priceMin, max: row.priceMax, currency: config.currency },
    inStock: row.inStock,
    image: image ? toImage(config, image) : null,
  };
}
export type ProductCard = ReturnType<typeof toProductCard>;
