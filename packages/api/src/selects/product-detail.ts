import type { Prisma } from "@shop/db";

export const productDetailSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  seoTitle: true,
  seoDescription: true,
  priceMin: true,
  priceMax: true,
  inStock: true,
  categoryId: true,
  brand: { select: { name: true, slug: true } },
  options: {
    select: { id: true, name: true, values: { select: { id: true, value: true }, orderBy: [{ position: "asc" }, { id: "asc" }] } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  variants: {
    select: {
      id: true,
      sku: true,
      title: true,
      price: true,
      compareAtPrice: true,
      stockOnHand: true,
      reserved: true,
      optionValues: { select: { optionValueId: true } },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  images: {
    select: { id: true, path: true, alt: true, width: true, height: true, variantId: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  rating: { select: { count: true, average: true, star1: true, star2: true, star3: true, star4: true, star5: true } },
} satisfies Prisma.ProductSelect;
