import type { CatalogSort } from "@shop/validators";
import { sql, type AliasableExpression, type RawBuilder, type SqlBool } from "kysely";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { eb, type Condition } from "./filters.ts";

// Keyset pagination for every listing sort. Each sort's tie-break direction on id matches its
// index (e.g. "Product"(status, createdAt DESC, id)), so a page is one index range scan, and a
// cursor (sort key + id of the last row) stays exact when products are added between pages.

type SortKey = AliasableExpression<string | number>;

type SortSpec = {
  /** The sort key as a SELECTed expression. */
  key: (rank: AliasableExpression<number>) => SortKey;
  order: (rank: AliasableExpression<number>) => RawBuilder<unknown>;
  /** Rows strictly after (value, id) in this order. */
  after: (rank: AliasableExpression<number>, value: string | number, id: number) => Condition;
  value: z.ZodType<string | number>;
};

const number = z.number();
const timestamp = z.iso.datetime();
const { ref } = eb;

export const sorts: Record<CatalogSort, SortSpec> = {
  newest: {
    // As ISO text: the cursor needs no Date round trip.
    key: () => sql<string>`to_char(${ref("p.createdAt")}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    order: () => sql`${ref("p.createdAt")} DESC, ${ref("p.id")} ASC`,
    after: (_, v, id) =>
      sql<SqlBool>`${ref("p.createdAt")} <= ${v}::timestamp AND (${ref("p.createdAt")} < ${v}::timestamp OR ${ref("p.id")} > ${id})`,
    value: timestamp,
  },
  price_asc: {
    key: () => ref("p.priceMin"),
    order: () => sql`${ref("p.priceMin")} ASC, ${ref("p.id")} ASC`,
    after: (_, v, id) => sql<SqlBool>`(${ref("p.priceMin")}, ${ref("p.id")}) > (${v}::int, ${id})`,
    value: number,
  },
  price_desc: {
    key: () => ref("p.priceMin"),
    order: () => sql`${ref("p.priceMin")} DESC, ${ref("p.id")} DESC`,
    after: (_, v, id) => sql<SqlBool>`(${ref("p.priceMin")}, ${ref("p.id")}) < (${v}::int, ${id})`,
    value: number,
  },
  best_selling: {
    key: () => ref("p.unitsSold"),
    order: () => sql`${ref("p.unitsSold")} DESC, ${ref("p.id")} ASC`,
    after: (_, v, id) =>
      sql<SqlBool>`${ref("p.unitsSold")} <= ${v}::int AND (${ref("p.unitsSold")} < ${v}::int OR ${ref("p.id")} > ${id})`,
    value: number,
  },
  rating: {
    key: () => ref("p.ratingAverage"),
    order: () => sql`${ref("p.ratingAverage")} DESC, ${ref("p.id")} ASC`,
    after: (_, v, id) =>
      sql<SqlBool>`${ref("p.ratingAverage")} <= ${v}::float8 AND (${ref("p.ratingAverage")} < ${v}::float8 OR ${ref("p.id")} > ${id})`,
    value: number,
  },
  relevance: {
    key: (rank) => rank,
    order: (rank) => sql`${rank} DESC, ${ref("p.id")} ASC`,
    after: (rank, v, id) =>
      sql<SqlBool>`(${rank} < ${v}::float8 OR (${rank} = ${v}::float8 AND ${ref("p.id")} > ${id}))`,
    value: number,
  },
};

// A relevance search's cursor past its ranked candidates carries "sales" (see search-page.ts):
// its value and id are then the last row's unitsSold and id.
const CursorSchema = z.union([
  z.tuple([z.string(), z.union([z.string(), z.number()]), z.number().int()]),
  z.tuple([z.literal("relevance"), z.number().int(), z.number().int(), z.literal("sales")]),
]);

export function encodeListingCursor(sort: CatalogSort, value: string | number, id: number, tier?: "sales"): string {
  return Buffer.from(JSON.stringify(tier ? [sort, value, id, tier] : [sort, value, id])).toString("base64url");
}

/** A cursor is only valid for the sort that produced it. */
export function decodeListingCursor(cursor: string | null | undefined, sort: CatalogSort) {
  if (!cursor) return null;
  try {
    const [cursorSort, value, id, tier] = CursorSchema.parse(
      JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")),
    );
    if (cursorSort !== sort) throw new Error("sort changed");
    return { value: sorts[sort].value.parse(value), id, sales: tier === "sales" };
  } catch {
    throw new AppError("BAD_INPUT", "Invalid page cursor");
  }
}
