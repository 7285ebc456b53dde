import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import type { ApiConfig } from "../../context.ts";
import { responsiveImage } from "../../lib/media.ts";
import { readRows } from "../../lib/sql.ts";

// Product cards come from one lean SQL query over the product row alone: price range,
// availability, rating, brand and primary image are denormalised onto it by triggers.

const CardRow = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  priceMin: z.number(),
  priceMax: z.number(),
  inStock: z.boolean(),
  ratingAverage: z.number(),
  ratingCount: z.number(),
  brandName: z.string().nullable(),
  brandSlug: z.string().nullable(),
  imagePath: z.string().nullable(),
  imageAlt: z.string().nullable(),
  imageWidth: z.number().nullable(),
  imageHeight: z.number().nullable(),
  imageWidths: z.array(z.number()).nullable(),
  sortKey: z.union([z.string(), z.number(), z.null()]).optional(),
  /** See `wordsKnown` in resolve-search.ts. */
  wordsKnown: z.boolean().nullable().optional(),
});
export type CardRow = z.infer<typeof CardRow>;
export const CardRows = z.array(CardRow);

const cardColumns = Prisma.sql`p."id", p."slug", p."name", p."priceMin", p."priceMax", p."inStock", p."ratingAverage", p."ratingCount",
  p."brandName", p."brandSlug", p."imagePath", p."imageAlt", p."imageWidth", p."imageHeight", p."imageWidths"`;

/**
 * The card query. `narrow` suits orders no index gives (search relevance): rank the matches
 * reading only ids, then fetch card columns for the page alone.
 */
export function cardQuery(options: {
  where: Prisma.Sql;
  order: Prisma.Sql;
  sortKey?: Prisma.Sql;
  limit: number;
  narrow?: boolean;
  wordsKnown?: Prisma.Sql;
}) {
  const columns = Prisma.sql`${cardColumns}, ${options.sortKey ?? Prisma.sql`NULL::int`} AS "sortKey"${
    options.wordsKnown ? Prisma.sql`, ${options.wordsKnown} AS "wordsKnown"` : Prisma.empty
  }`;
  if (options.narrow) {
    return Prisma.sql`
      WITH page AS (
        SELECT p."id" FROM "Product" p WHERE ${options.where} ORDER BY ${options.order} LIMIT ${options.limit}
      )
      SELECT ${columns}
        FROM page JOIN "Product" p ON p."id" = page."id"
       ORDER BY ${options.order}`;
  }
  return Prisma.sql`
    SELECT ${columns}
      FROM "Product" p
     WHERE ${options.where}
     ORDER BY ${options.order}
     LIMIT ${options.limit}`;
}

export async function queryCards(db: PrismaClient, query: Prisma.Sql): Promise<CardRow[]> {
  return CardRows.parse(await readRows(db, query));
}

export function toCard(config: Pick<ApiConfig, "mediaBaseUrl" | "currency">, row: CardRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brandName !== null && row.brandSlug !== null ? { name: row.brandName, slug: row.brandSlug } : null,
    price: { min: row.priceMin, max: row.priceMax, currency: config.currency },
    inStock: row.inStock,
    rating: row.ratingCount > 0 ? { average: row.ratingAverage, count: row.ratingCount } : null,
    image:
      row.imagePath !== null
        ? {
            alt: row.imageAlt ?? "",
            ...responsiveImage(config, {
              path: row.imagePath,
              width: row.imageWidth ?? 0,
              height: row.imageHeight ?? 0,
              widths: row.imageWidths ?? [],
            }),
          }
        : null,
  };
}
export type ProductCard = ReturnType<typeof toCard>;
