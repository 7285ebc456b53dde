import { Prisma } from "@shop/db";
import { z } from "zod";

// The product page's data in one statement: the row, its options, variants, images, rating and
// breadcrumb as JSON built by PostgreSQL (the driver parses it natively).

export const ProductRow = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  priceMin: z.number(),
  priceMax: z.number(),
  inStock: z.boolean(),
  brandName: z.string().nullable(),
  brandSlug: z.string().nullable(),
  options: z.array(
    z.object({ id: z.number(), name: z.string(), values: z.array(z.object({ id: z.number(), value: z.string() })) }),
  ),
  variants: z.array(
    z.object({
      id: z.number(),
      sku: z.string(),
      title: z.string(),
      price: z.number(),
      compareAtPrice: z.number().nullable(),
      stockOnHand: z.number(),
      reserved: z.number(),
      optionValueIds: z.array(z.number()),
    }),
  ),
  images: z.array(
    z.object({
      id: z.number(),
      path: z.string(),
      alt: z.string(),
      width: z.number(),
      height: z.number(),
      widths: z
        .array(z.number())
        .nullable()
        .transform((widths) => widths ?? []),
      variantId: z.number().nullable(),
    }),
  ),
  rating: z
    .object({
      count: z.number(),
      average: z.number(),
      star1: z.number(),
      star2: z.number(),
      star3: z.number(),
      star4: z.number(),
      star5: z.number(),
    })
    .nullable(),
  breadcrumb: z.array(z.object({ slug: z.string(), name: z.string() })),
});

export const productQuery = (slug: string) => Prisma.sql`
  SELECT p."id", p."slug", p."name", p."description", p."seoTitle", p."seoDescription", p."priceMin", p."priceMax",
         p."inStock", p."brandName", p."brandSlug",
         COALESCE((
           SELECT json_agg(json_build_object('id', o."id", 'name', o."name", 'values', COALESCE((
             SELECT json_agg(json_build_object('id', v."id", 'value', v."value") ORDER BY v."position", v."id")
               FROM "ProductOptionValue" v WHERE v."optionId" = o."id"), '[]'::json)) ORDER BY o."position", o."id")
             FROM "ProductOption" o WHERE o."productId" = p."id"), '[]'::json) AS "options",
         COALESCE((
           SELECT json_agg(json_build_object(
                    'id', va."id", 'sku', va."sku", 'title', va."title", 'price', va."price", 'compareAtPrice', va."compareAtPrice",
                    'stockOnHand', va."stockOnHand", 'reserved', va."reserved",
                    'optionValueIds', ARRAY(SELECT l."optionValueId" FROM "VariantOptionValue" l WHERE l."variantId" = va."id"))
                  ORDER BY va."position", va."id")
             FROM "Variant" va WHERE va."productId" = p."id"), '[]'::json) AS "variants",
         COALESCE((
           SELECT json_agg(json_build_object('id', i."id", 'path', i."path", 'alt', i."alt", 'width', i."width", 'height', i."height", 'widths', i."widths", 'variantId', i."variantId")
                  ORDER BY i."position", i."id")
             FROM "ProductImage" i WHERE i."productId" = p."id"), '[]'::json) AS "images",
         (SELECT json_build_object('count', r."count", 'average', r."average", 'star1', r."star1", 'star2', r."star2", 'star3', r."star3", 'star4', r."star4", 'star5', r."star5")
            FROM "ProductRating" r WHERE r."productId" = p."id") AS "rating",
         COALESCE((
           WITH RECURSIVE up AS (
             SELECT c."id", c."parentId", c."slug", c."name", 0 AS "depth" FROM "Category" c WHERE c."id" = p."categoryId"
             UNION ALL
             SELECT c."id", c."parentId", c."slug", c."name", up."depth" + 1 FROM "Category" c JOIN up ON c."id" = up."parentId" WHERE up."depth" < 20
           ) SELECT json_agg(json_build_object('slug', up."slug", 'name', up."name") ORDER BY up."depth" DESC) FROM up), '[]'::json) AS "breadcrumb"
    FROM "Product" p
   WHERE p."slug" = ${slug} AND p."status" = 'ACTIVE'`;

/** Related products: the best sellers of the same category, found by the product's slug. */
export const relatedWhere = (slug: string) => Prisma.sql`p."status" = 'ACTIVE'
  AND p."categoryId" = (SELECT s."categoryId" FROM "Product" s WHERE s."slug" = ${slug})
  AND p."slug" <> ${slug}`;
