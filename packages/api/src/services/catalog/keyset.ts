import { Prisma } from "@shop/db";
import type { CatalogSort } from "@shop/validators";
import { z } from "zod";
import { AppError } from "../../errors.ts";

// Keyset pagination for every listing sort. Each sort's tie-break direction on id matches its
// index (e.g. "Product"(status, createdAt DESC, id)), so a page is one index range scan, and a
// cursor (sort key + id of the last row) stays exact when products are added between pages.

type SortSpec = {
  /** The sort key as a SELECTed expression. */
  key: (rank: Prisma.Sql) => Prisma.Sql;
  order: (rank: Prisma.Sql) => Prisma.Sql;
  /** Rows strictly after (value, id) in this order. */
  after: (rank: Prisma.Sql, value: string | number, id: number) => Prisma.Sql;
  value: z.ZodType<string | number>;
};

const number = z.number();
const timestamp = z.iso.datetime();

export const sorts: Record<CatalogSort, SortSpec> = {
  newest: {
    // As ISO text: the cursor needs no Date round trip.
    key: () => Prisma.sql`to_char(p."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    order: () => Prisma.sql`p."createdAt" DESC, p."id" ASC`,
    after: (_, v, id) =>
      Prisma.sql`p."createdAt" <= ${v}::timestamp AND (p."createdAt" < ${v}::timestamp OR p."id" > ${id})`,
    value: timestamp,
  },
  price_asc: {
    key: () => Prisma.sql`p."priceMin"`,
    order: () => Prisma.sql`p."priceMin" ASC, p."id" ASC`,
    after: (_, v, id) => Prisma.sql`(p."priceMin", p."id") > (${v}::int, ${id})`,
    value: number,
  },
  price_desc: {
    key: () => Prisma.sql`p."priceMin"`,
    order: () => Prisma.sql`p."priceMin" DESC, p."id" DESC`,
    after: (_, v, id) => Prisma.sql`(p."priceMin", p."id") < (${v}::int, ${id})`,
    value: number,
  },
  best_selling: {
    key: () => Prisma.sql`p."unitsSold"`,
    order: () => Prisma.sql`p."unitsSold" DESC, p."id" ASC`,
    after: (_, v, id) => Prisma.sql`p."unitsSold" <= ${v}::int AND (p."unitsSold" < ${v}::int OR p."id" > ${id})`,
    value: number,
  },
  rating: {
    key: () => Prisma.sql`p."ratingAverage"`,
    order: () => Prisma.sql`p."ratingAverage" DESC, p."id" ASC`,
    after: (_, v, id) =>
      Prisma.sql`p."ratingAverage" <= ${v}::float8 AND (p."ratingAverage" < ${v}::float8 OR p."id" > ${id})`,
    value: number,
  },
  relevance: {
    key: (rank) => rank,
    order: (rank) => Prisma.sql`${rank} DESC, p."id" ASC`,
    after: (rank, v, id) => Prisma.sql`(${rank} < ${v}::float8 OR (${rank} = ${v}::float8 AND p."id" > ${id}))`,
    value: number,
  },
};

const CursorSchema = z.tuple([z.string(), z.union([z.string(), z.number()]), z.number().int()]);

export function encodeListingCursor(sort: CatalogSort, value: string | number, id: number): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString("base64url");
}

/** A cursor is only valid for the sort that produced it. */
export function decodeListingCursor(cursor: string | null | undefined, sort: CatalogSort) {
  if (!cursor) return null;
  try {
    const [cursorSort, value, id] = CursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (cursorSort !== sort) throw new Error("sort changed");
    return { value: sorts[sort].value.parse(value), id };
  } catch {
    throw new AppError("BAD_INPUT", "Invalid page cursor");
  }
}
