import { Prisma, type PrismaClient } from "@shop/db";
import type { Granularity } from "@shop/validators";
import { z } from "zod";
import { parseRows, readRows } from "../../lib/sql.ts";

// Money sums are float8: exact for integers below 2^53, and unlike int8 every driver returns
// them as JavaScript numbers.
const TotalsRow = z.object({
  period: z.enum(["current", "previous"]),
  orders: z.number(),
  units: z.number(),
  subtotal: z.number(),
  discount: z.number(),
  shipping: z.number(),
  tax: z.number(),
  total: z.number(),
  refunds: z.number(),
  refundCount: z.number(),
});
export type SalesTotals = Omit<z.infer<typeof TotalsRow>, "period"> & { revenue: number; averageOrderValue: number };

const sums = Prisma.sql`COALESCE(sum(s."orders"), 0)::int AS "orders", COALESCE(sum(s."units"), 0)::int AS "units",
  COALESCE(sum(s."subtotal"), 0)::float8 AS "subtotal", COALESCE(sum(s."discount"), 0)::float8 AS "discount",
  COALESCE(sum(s."shipping"), 0)::float8 AS "shipping", COALESCE(sum(s."tax"), 0)::float8 AS "tax",
  COALESCE(sum(s."total"), 0)::float8 AS "total", COALESCE(sum(s."refunds"), 0)::float8 AS "refunds",
  COALESCE(sum(s."refundCount"), 0)::int AS "refundCount"`;

function finish(row: Omit<z.infer<typeof TotalsRow>, "period">): SalesTotals {
  return {
    ...row,
    revenue: row.total - row.refunds,
    averageOrderValue: row.orders === 0 ? 0 : Math.round(row.total / row.orders),
  };
}

/** Both periods' totals from the daily summary in one statement. */
export async function periodTotals(
  db: PrismaClient,
  range: { from: string; to: string; previousFrom: string; previousTo: string },
) {
  const rows = await parseRows(
    TotalsRow,
    readRows(
      db,
      Prisma.sql`SELECT p."period", ${sums}
        FROM (VALUES ('current', ${range.from}::date, ${range.to}::date),
                     ('previous', ${range.previousFrom}::date, ${range.previousTo}::date)) AS p("period", "from", "to")
        LEFT JOIN "SalesDay" s ON s."day" BETWEEN p."from" AND p."to"
        GROUP BY p."period"`,
    ),
  );
  const pick = (period: "current" | "previous") => {
    const row = rows.find((r) => r.period === period);
    if (!row) throw new Error(`no ${period} totals`);
    const { period: _period, ...rest } = row;
    return finish(rest);
  };
  return { current: pick("current"), previous: pick("previous") };
}

const BucketRow = TotalsRow.omit({ period: true }).extend({ start: z.string() });
export type SalesBucket = SalesTotals & { start: string };

/** Totals per day, week (from Monday) or month of the range, empty buckets included. */
// Days join their bucket by equality (date_trunc), a hash join: with a range condition the
// prepared statement's generic plan compared every bucket with every day row (8 shards a day).
export async function salesByPeriod(
  db: PrismaClient,
  range: { from: string; to: string },
  granularity: Granularity,
): Promise<SalesBucket[]> {
  const rows = await parseRows(
    BucketRow,
    readRows(
      db,
      Prisma.sql`SELECT to_char(b."start", 'YYYY-MM-DD') AS "start", ${sums}
        FROM generate_series(date_trunc(${granularity}, ${range.from}::date::timestamp), ${range.to}::date::timestamp,
                             ('1 ' || ${granularity})::interval) AS b("start")
        LEFT JOIN "SalesDay" s ON date_trunc(${granularity}, s."day"::timestamp) = b."start"
                              AND s."day" BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY b."start" ORDER BY b."start"`,
    ),
  );
  return rows.map(({ start, ...rest }) => ({ start, ...finish(rest) }));
}
