import { CatalogSortSchema } from "@shop/validators";
import { z } from "zod";
import type { listBrands } from "../services/catalog/brands.ts";
import type { categoryTree, CategoryNode } from "../services/catalog/categories.ts";
import type { getProduct } from "../services/catalog/get-product.ts";
import type { listProducts } from "../services/catalog/list-products.ts";
import type { Fits, Out } from "./fits.ts";

// What the catalog procedures answer, as zod schemas the REST API documents (`rest.output`). Each
// `satisfies` the type the service derives from the Prisma schema, and `Fits` (end of the file)
// makes the service's type fit the schema: a field added, removed or retyped on either side fails
// the build.

const money = z.number().int().meta({ description: "Minor units (cents) of the shop's currency" });
const BrandRef = z.object({ name: z.string(), slug: z.string() });
const imageFields = {
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  srcSet: z.string().nullable(),
  webpSrcSet: z.string().nullable(),
  alt: z.string(),
};

export const ProductCardSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  inStock: z.boolean(),
  brand: BrandRef.nullable(),
  price: z.object({ min: money, max: money, currency: z.string() }),
  rating: z.object({ average: z.number(), count: z.number().int() }).nullable(),
  image: z.object(imageFields).nullable(),
});

export const ProductListOutput = z.object({
  items: z.array(ProductCardSchema),
  nextCursor: z.string().nullable(),
  sort: CatalogSortSchema,
  /** The search as corrected for typos, when it was. */
  corrected: z.string().nullable(),
}) satisfies z.ZodType<Out<typeof listProducts>>;

export const ProductOutput = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  currency: z.string(),
  priceMin: money,
  priceMax: money,
  inStock: z.boolean(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  brand: BrandRef.nullable(),
  images: z.array(z.object({ id: z.number().int(), variantIds: z.array(z.number().int()), ...imageFields })),
  variants: z.array(
    z.object({
      id: z.number().int(),
      sku: z.string(),
      title: z.string(),
      price: money,
      compareAtPrice: money.nullable(),
      available: z.boolean(),
      /** Units left when few are (the storefront's "only 3 left"), else null. */
      lowStock: z.number().int().nullable(),
      optionValueIds: z.array(z.number().int()),
    }),
  ),
  options: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      values: z.array(z.object({ id: z.number().int(), value: z.string() })),
    }),
  ),
  rating: z.object({
    average: z.number(),
    count: z.number().int(),
    distribution: z.object({
      1: z.number().int(),
      2: z.number().int(),
      3: z.number().int(),
      4: z.number().int(),
      5: z.number().int(),
    }),
  }),
  related: z.array(ProductCardSchema),
  breadcrumb: z.array(z.object({ slug: z.string(), name: z.string() })),
}) satisfies z.ZodType<Out<typeof getProduct>>;

const CategoryNodeSchema: z.ZodType<CategoryNode> = z
  .object({
    slug: z.string(),
    name: z.string(),
    productCount: z.number().int(),
    get children() {
      return z.array(CategoryNodeSchema);
    },
  })
  .meta({ id: "CategoryNode" });

export const CategoryTreeOutput = z.array(CategoryNodeSchema);

export const BrandListOutput = z.array(
  z.object({ slug: z.string(), name: z.string(), productCount: z.number().int() }),
) satisfies z.ZodType<Out<typeof listBrands>>;

// The services' answers fit the documented schemas (see fits.ts).
export type CatalogFits = [
  Fits<Out<typeof listProducts>, typeof ProductListOutput>,
  Fits<Out<typeof getProduct>, typeof ProductOutput>,
  Fits<Out<typeof listBrands>, typeof BrandListOutput>,
  Fits<Out<typeof categoryTree>, typeof CategoryTreeOutput>,
];
