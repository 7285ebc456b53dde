import { qb, type PrismaClient } from "@shop/db";
import { sql, type AliasableExpression, type RawBuilder } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { responsiveImage } from "../../lib/media.ts";
import { read, type RowOf } from "../../lib/sql.ts";
import type { Condition } from "./filters.ts";

// Product cards come from one lean SQL query over the product row alone: price range,
// availability, rating, brand and primary image are denormalised onto it by triggers.

const cardColumns = [
  "p.id",
  "p.slug",
  "p.name",
  "p.priceMin",
  "p.priceMax",
  "p.inStock",
  "p.ratingAverage",
  "p.ratingCount",
  "p.brandName",
  "p.brandSlug",
  "p.imagePath",
  "p.imageAlt",
  "p.imageWidth",
  "p.imageHeight",
  "p.imageWidths",
] as const;

/**
 * The card query. `narrow` suits orders no index gives (search relevance): rank the matches
 * reading only ids, then fetch card columns for the page alone.
 */
export function cardQuery(options: {
  where: Condition;
  order: RawBuilder<unknown>;
  sortKey?: AliasableExpression<string | number>;
  limit: number;
  narrow?: boolean;
  /** See `wordsKnown` in resolve-search.ts. */
  wordsKnown?: AliasableExpression<boolean | null>;
}) {
  const sortKey = options.sortKey ? options.sortKey.as("sortKey") : sql<null>`NULL::int`.as("sortKey");
  const wordsKnown = options.wordsKnown ? options.wordsKnown.as("wordsKnown") : sql<null>`NULL::bool`.as("wordsKnown");
  if (options.narrow) {
    return qb
      .with("page", (db) =>
        db.selectFrom("Product as p").select("p.id").where(options.where).orderBy(options.order).limit(options.limit),
      )
      .selectFrom("page")
      .innerJoin("Product as p", "p.id", "page.id")
      .select(cardColumns)
      .select([sortKey, wordsKnown])
      .orderBy(options.order);
  }
  return qb
    .selectFrom("Product as p")
    .select(cardColumns)
    .select([sortKey, wordsKnown])
    .where(options.where)
    .orderBy(options.order)
    .limit(options.limit);
}

export type CardRow = RowOf<ReturnType<typeof cardQuery>>;

export async function queryCards(db: PrismaClient, query: ReturnType<typeof cardQuery>): Promise<CardRow[]> {
  return read(db, query);
}

/** A card for the apps; the row's own columns (id, slug, name, inStock) pass through as typed. */
export function toCard(config: Pick<ApiConfig, "mediaBaseUrl" | "currency">, row: CardRow) {
  const {
    priceMin: _priceMin,
    priceMax: _priceMax,
    ratingAverage: _ratingAverage,
    ratingCount: _ratingCount,
    brandName: _brandName,
    brandSlug: _brandSlug,
    imagePath: _imagePath,
    imageAlt: _imageAlt,
    imageWidth: _imageWidth,
    imageHeight: _imageHeight,
    imageWidths: _imageWidths,
    sortKey: _sortKey,
    wordsKnown: _wordsKnown,
    ...card
  } = row;
  return {
    ...card,
    brand: row.brandName !== null && row.brandSlug !== null ? { name: row.brandName, slug: row.brandSlug } : null,
    price: { min: row.priceMin, max: row.priceMax, currency: config.currency },
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
