import { ProductStatus as ProductStatuses } from "@shop/db/enums";
import { z } from "zod";
import { MinorUnitsSchema, paginationFields, SlugSchema } from "./common.ts";

export const ProductStatusSchema = z.enum(ProductStatuses);
export type ProductStatus = z.infer<typeof ProductStatusSchema>;

/** How shoppers may order a listing; `relevance` needs a search query. */
export const CatalogSortSchema = z.enum(["relevance", "newest", "price_asc", "price_desc", "rating", "best_selling"]);
export type CatalogSort = z.infer<typeof CatalogSortSchema>;

const OptionNameSchema = z.string().trim().min(1).max(60);

/** The filters a listing and its facet counts share; all of them combine with AND. */
export const catalogFilterFields = {
  q: z.string().trim().max(200).optional(),
  /** A category slug; its subcategories are included. */
  category: SlugSchema.optional(),
  brands: z.array(SlugSchema).min(1).max(50).optional(),
  /** Bounds on the product's lowest variant price, inclusive, in minor units. */
  priceMin: MinorUnitsSchema.optional(),
  priceMax: MinorUnitsSchema.optional(),
  minRating: z.number().int().min(1).max(5).optional(),
  inStock: z.boolean().optional(),
  featured: z.boolean().optional(),
  /** Option values by option name, e.g. { Colour: ["Black", "Blue"] }: any of the values, every option. */
  options: z
    .record(OptionNameSchema, z.array(OptionNameSchema).min(1).max(30))
    .refine((options) => Object.keys(options).length <= 8, "At most 8 options")
    .optional(),
};

export const CatalogFiltersSchema = z.object(catalogFilterFields).strict();
export type CatalogFilters = z.input<typeof CatalogFiltersSchema>;

export const CatalogListSchema = z
  .object({ ...catalogFilterFields, sort: CatalogSortSchema.optional(), ...paginationFields(24) })
  .strict();
export type CatalogListInput = z.input<typeof CatalogListSchema>;

/** One brand's page (`catalog.brand`). */
export const CatalogBrandSchema = z.object({ slug: SlugSchema }).strict();

export const CatalogCategorySlugSchema = z.object({ slug: SlugSchema }).strict();

export const CatalogSuggestSchema = z.object({ q: z.string().trim().min(1).max(100) }).strict();

export const CatalogProductSchema = z.object({ slug: SlugSchema }).strict();

export const AdminProductSortSchema = z.enum(["updated", "newest", "name", "price_asc", "price_desc"]);

export const AdminProductListSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    status: ProductStatusSchema.optional(),
    brandId: z.number().int().positive().optional(),
    categoryId: z.number().int().positive().optional(),
    sort: AdminProductSortSchema.default("updated"),
    ...paginationFields(50),
  })
  .strict();
export type AdminProductListInput = z.input<typeof AdminProductListSchema>;
