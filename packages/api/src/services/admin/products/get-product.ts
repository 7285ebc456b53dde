import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { known } from "../../../lib/sql.ts";
import { imageSelect, toImage } from "../../../selects/product.ts";

export const adminProductSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  status: true,
  featured: true,
  seoTitle: true,
  seoDescription: true,
  categoryId: true,
  brandId: true,
  tags: true,
  publishedAt: true,
  updatedAt: true,
  options: {
    select: {
      id: true,
      name: true,
      values: { select: { id: true, value: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  variants: {
    select: {
      id: true,
      sku: true,
      price: true,
      compareAtPrice: true,
      stockOnHand: true,
      reserved: true,
      optionValues: { select: { optionValueId: true } },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
  images: {
    select: { ...imageSelect, variants: { select: { variantId: true }, orderBy: { variantId: "asc" } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ProductSelect;

/** A product as the edit form needs it: variants name their option values in option order. */
export async function getAdminProduct(db: PrismaClient, config: ApiConfig, id: number) {
  const product = await db.product.findUnique({
    where: { id },
    select: adminProductSelect,
    relationLoadStrategy: "join",
  });
  if (!product) throw new AppError("NOT_FOUND", "No such product");
  const valueNames = new Map(
    product.options.flatMap((option) =>
      option.values.map((value) => [value.id, { optionId: option.id, value: value.value }] as const),
    ),
  );
  return known({
    ...product,
    currency: config.currency,
    options: product.options.map((option) => ({
      name: option.name,
      values: option.values.map((value) => value.value),
    })),
    variants: product.variants.map(({ optionValues, ...variant }) => {
      const chosen = optionValues.flatMap((link) => {
        const found = valueNames.get(link.optionValueId);
        return found ? [found] : [];
      });
      return {
        ...variant,
        optionValues: product.options.map(
          (option) => chosen.find((value) => value.optionId === option.id)?.value ?? "",
        ),
      };
    }),
    images: product.images.map(({ variants, ...image }) => ({
      ...toImage(config, image),
      variantIds: variants.map((link) => link.variantId),
    })),
  });
}
