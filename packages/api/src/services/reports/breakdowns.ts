import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows, readRows } from "../../lib/sql.ts";
import { counted, localDayBounds, type LocalRange } from "./shop.ts";

type Range = { from: string; to: string };

const TopRow = z.object({
  kind: z.enum(["product", "category", "brand"]),
  id: z.number().nullable(),
  name: z.string(),
  units: z.number(),
  revenue: z.number(),
});
export type TopEntry = Omit<z.infer<typeof TopRow>, "kind">;

/**
 * The best products, categories and brands by revenue (line totals after discounts, before
 * tax) from the per-product summary; categories and brands as the catalog assigns them now.
 */
export async function topSellers(db: PrismaClient, range: Range, limit: number) {
  const rows = await parseRows(
    TopRow,
    readRows(
      db,
      Prisma.sql`WITH sold AS (
          SELECT s."productId", sum(s."units")::int AS units, sum(s."revenue")::float8 AS revenue
            FROM "SalesDayProduct" s WHERE s."day" BETWEEN ${range.from}::date AND ${range.to}::date
           GROUP BY s."productId"),
        named AS (
          SELECT sold.*, p."name", p."categoryId", p."brandId" FROM sold LEFT JOIN "Product" p ON p."id" = sold."productId")
        (SELECT 'product' AS kind, NULLIF("productId", 0) AS id, COALESCE("name", 'Deleted product') AS name, units, revenue
           FROM named ORDER BY revenue DESC, units DESC, "productId" LIMIT ${limit})
        UNION ALL
        (SELECT 'category', n."categoryId", COALESCE(c."name", 'Uncategorised'), sum(n.units)::int, sum(n.revenue)::float8
           FROM named n LEFT JOIN "Category" c ON c."id" = n."categoryId"
          GROUP BY n."categoryId", c."name" ORDER BY 5 DESC, 4 DESC, 2 LIMIT ${limit})
        UNION ALL
        (SELECT 'brand', n."brandId", COALESCE(b."name", 'No brand'), sum(n.units)::int, sum(n.revenue)::float8
           FROM named n LEFT JOIN "Brand" b ON b."id" = n."brandId"
          GROUP BY n."brandId", b."name" ORDER BY 5 DESC, 4 DESC, 2 LIMIT ${limit})`,
    ),
  );
  const of = (kind: z.infer<typeof TopRow>["kind"]) =>
    rows.filter((row) => row.kind === kind).map(({ kind: _kind, ...entry }) => entry);
  return { products: of("product"), categories: of("category"), brands: of("brand") };
}

const CouponRow = z.object({ code: z.string(), orders: z.number(), discount: z.number(), revenue: z.number() });

/** Orders, discount given and order revenue per coupon, for counted orders paid in the range. */
export function couponPerformance(db: PrismaClient, range: LocalRange) {
  return parseRows(
    CouponRow,
    readRows(
      db,
      Prisma.sql`SELECT o."couponCode" AS code, count(*)::int AS orders, sum(o."discountTotal")::float8 AS discount,
                        sum(o."total")::float8 AS revenue
                   FROM "Order" o
                  WHERE o."couponId" IS NOT NULL AND ${localDayBounds(Prisma.sql`o."paidAt"`, range)} AND ${counted(Prisma.sql`o`)}
                  GROUP BY o."couponCode" ORDER BY revenue DESC, code`,
    ),
  );
}

const CustomersRow = z.object({
  newCurrent: z.number(),
  returningCurrent: z.number(),
  newPrevious: z.number(),
  returningPrevious: z.number(),
});

/**
 * Customers (by order email, so guests count too) who paid in each period: new when their first
 * counted order ever falls in that period, returning when they had one before it.
 */
export async function customerMix(db: PrismaClient, range: LocalRange & { previousFrom: string }) {
  const [row] = await parseRows(
    CustomersRow,
    readRows(
      db,
      Prisma.sql`WITH bounds AS (
          SELECT shop_day_start(${range.previousFrom}::date, ${range.timeZone}) AS prev_start,
                 shop_day_start(${range.from}::date, ${range.timeZone}) AS cur_start,
                 shop_day_start(${range.to}::date + 1, ${range.timeZone}) AS cur_end),
        customers AS (
          SELECT min(o."paidAt") AS first_at,
                 bool_or(o."paidAt" >= b.cur_start) AS in_current,
                 bool_or(o."paidAt" >= b.prev_start AND o."paidAt" < b.cur_start) AS in_previous
            FROM "Order" o CROSS JOIN bounds b
           WHERE o."paidAt" < b.cur_end AND ${counted(Prisma.sql`o`)}
           GROUP BY o."email")
        SELECT count(*) FILTER (WHERE in_current AND first_at >= b.cur_start)::int AS "newCurrent",
               count(*) FILTER (WHERE in_current AND first_at < b.cur_start)::int AS "returningCurrent",
               count(*) FILTER (WHERE in_previous AND first_at >= b.prev_start)::int AS "newPrevious",
               count(*) FILTER (WHERE in_previous AND first_at < b.prev_start)::int AS "returningPrevious"
          FROM customers CROSS JOIN bounds b`,
    ),
  );
  if (!row) throw new Error("no customer row");
  return {
    current: { new: row.newCurrent, returning: row.returningCurrent },
    previous: { new: row.newPrevious, returning: row.returningPrevious },
  };
}
