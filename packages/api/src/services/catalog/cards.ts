import { qb, type PrismaClient } from "@shop/db";
import { sql, type AliasableExpression, type RawBuilder } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { responsiveImage } from "../../lib/media.ts";
import { read, type RowOf } from "../../lib/sql.ts";
import type { Condition } from "./filters.ts";

// Product cards come from one lean SQL query over the product row alone: price range,
// availability, rating, brand and primary image are denormalised onto it by triggers.

export const cardColumns = [
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

// Built once: parsing the column list is most of what building the query costs (Kysely builders
// are immutable, so each request's query starts from this one).
const cards = qb.selectFrom("Product as p").select(cardColumns);

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
    // The ranked ids as a subquery joined to the prebuilt card query (a CTE would have to come
    // first and rebuild the column list; PostgreSQL plans both alike).
    return cards
      .innerJoin(
        (db) =>
          db
            .selectFrom("Product as p")
            .select("p.id")
            .where(options.where)
            .orderBy(options.order)
            .limit(options.limit)
            .as("page"),
        (join) => join.onRef("page.id", "=", "p.id"),
      )
      .select([sortKey, wordsKnown])
      .orderBy(options.order);
  }
  return cards.select([sortKey, wordsKnown]).where(options.where).orderBy(options.order).limit(options.limit);
}

export type CardRow = RowOf<ReturnType<typeof cardQuery>>;

export async function queryCards(db: PrismaClient, query: ReturnType<typeof cardQuery>): Promise<CardRow[]> {
  return read(db, query);
}

/** Columns a card shows as they are; the rest are folded into brand, price, rating and image. */
const ownColumns = ["id", "slug", "name", "inStock"] as const;

/**
 * `keys` of `row`, typed from the row: a key the row lacks (a renamed column) is left out of the
 * type, so every screen that reads it fails to compile. (An object rest over the folded columns
 * typed the same but cost a copy through V8's slow path: a third of a listing's CPU in the router.)
 */
function pick<R extends object, K extends string>(row: R, keys: readonly K[]): { [P in K & keyof R]: R[P] } {
  const picked: Partial<Record<K, unknown>> = {};
  for (const key of keys) picked[key] = (row as Record<K, unknown>)[key];
  return picked as { [P in K & keyof R]: R[P] };
}

/** A card for the apps; the row's own columns (id, slug, name, inStock) pass through as typed. */
export function toCard(config: Pick<ApiConfig, "mediaBaseUrl" | "currency">, row: CardRow) {
  const image =
    row.imagePath !== null
      ? responsiveImage(config, {
          path: row.imagePath,
          width: row.imageWidth ?? 0,
          height: row.imageHeight ?? 0,
          widths: row.imageWidths ?? [],
        })
      : null;
  return Object.assign(pick(row, ownColumns), {
    brand: row.brandName !== null && row.brandSlug !== null ? { name: row.brandName, slug: row.brandSlug } : null,
    price: { min: row.priceMin, max: row.priceMax, currency: config.currency },
    rating: row.ratingCount > 0 ? { average: row.ratingAverage, count: row.ratingCount } : null,
    image:
      image === null
        ? null
        : {
            alt: row.imageAlt ?? "",
            url: image.url,
            width: image.width,
            height: image.height,
            srcSet: image.srcSet,
            webpSrcSet: image.webpSrcSet,
          },
  });
}
export type ProductCard = ReturnType<typeof toCard>;
