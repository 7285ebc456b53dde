import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { imageSelect, toImage } from "../../selects/product.ts";

export const adminProductRowSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  priceMin: true,
  priceMax: true,
  updatedAt: true,
  tags: true,
  brand: { select: { name: true } },
  category: { select: { name: true } },
  images: { select: imageSelect, orderBy: { position: "asc" }, take: 1 },
  variants: { select: { stockOnHand: true, reserved: true } },
} satisfies Prisma.ProductSelect;

export type AdminProductSort = "updated" | "newest" | "name" | "price_asc" | "price_desc";

const orders = {
  updated: { updatedAt: "desc" },
  newest: { createdAt: "desc" },
  name: { name: "asc" },
  price_asc: { priceMin: "asc" },
  price_desc: { priceMin: "desc" },
} satisfies Record<AdminProductSort, Prisma.ProductOrderByWithRelationInput>;

/** Staff product table: every status, searchable by name or SKU, most recently edited first. */
export async function listAdminProducts(
  db: PrismaClient,
  config: ApiConfig,
  input: {
    search?: string;
    status?: "DRAFT" | "ACTIVE" | "ARCHIVED";
    brandId?: number;
    categoryId?: number;
    tag?: string;
    sort: AdminProductSort;
    cursor?: string | null;
    limit: number;
  },
) {
  const search = input.search?.trim();
  const page = await keysetPage(input, (after, take) =>
    db.product.findMany({
      where: {
        ...(input.status && { status: input.status }),
        ...(input.brandId && { brandId: input.brandId }),
        ...(input.categoryId && { categoryId: input.categoryId }),
        ...(input.tag && { tags: { has: input.tag } }),
        ...(search && {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { variants: { some: { sku: { startsWith: search, mode: "insensitive" } } } },
          ],
        }),
      },
      // Prisma's cursor pagination resumes after the cursor row in any order; id breaks ties.
      ...(after && { cursor: { id: after[1] }, skip: 1 }),
      orderBy: [orders[input.sort], { id: "desc" }],
      take,
      select: adminProductRowSelect,
      relationLoadStrategy: "join",
    }),
  );
  return {
    ...page,
    items: page.items.map(({ variants, images, ...row }) => ({
      ...row,
      currency: config.currency,
      image: images[0] ? toImage(config, images[0]) : null,
      variantCount: variants.length,
      available: variants.reduce((sum, variant) => sum + variant.stockOnHand - variant.reserved, 0),
    })),
  };
}
