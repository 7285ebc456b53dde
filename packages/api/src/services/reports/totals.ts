import { qb, type DB, type PrismaClient } from "@shop/db";
import type { Granularity } from "@shop/validators";
import { expressionBuilder, sql, type SqlBool } from "kysely";
import { prepared, read, type RowOf } from "../../lib/sql.ts";
import { totalInt, totalMoney } from "../../lib/aggregates.ts";
import { dayIn } from "./shop.ts";

/** Expressions on the daily summary as `s`. */
export const day = expressionBuilder<DB & { s: DB["SalesDay"] }, "s">();

/** The daily summary's figures over a group of its rows (8 shards a day), 0 for an empty group. */
const sums = [
  totalInt(day.ref("s.orders")).as("orders"),
  totalInt(day.ref("s.units")).as("units"),
  totalMoney(day.ref("s.subtotal")).as("subtotal"),
  totalMoney(day.ref("s.discount")).as("discount"),
  totalMoney(day.ref("s.shipping")).as("shipping"),
  totalMoney(day.ref("s.tax")).as("tax"),
  totalMoney(day.ref("s.total")).as("total"),
  totalMoney(day.ref("s.refunds")).as("refunds"),
  totalInt(day.ref("s.refundCount")).as("refundCount"),
];

type Period = "current" | "previous";
type Range = { from: string; to: string };

// One aggregate per period (no GROUP BY: an empty period still yields its row of zeros).
const periodQuery = (period: Period, range: Range) =>
  qb
    .selectFrom("SalesDay as s")
    .select([sql.lit(period).as("period"), ...sums])
    .where(dayIn(day.ref("s.day"), range));

type Totals = Omit<RowOf<ReturnType<typeof periodQuery>>, "period">;
export type SalesTotals = Totals & { revenue: number; averageOrderValue: number };

function finish(row: Totals): SalesTotals {
  return {
    ...row,
    revenue: row.total - row.refunds,
    averageOrderValue: row.orders === 0 ? 0 : Math.round(row.total / row.orders),
  };
}

// The dashboard's statements are compiled once (see `prepared`); a range only fills them in.
const periodTotalsQuery = prepared(
  { from: "\0from", to: "\0to", previousFrom: "\0previousFrom", previousTo: "\0previousTo" },
  (range) =>
    periodQuery("current", range).unionAll(periodQuery("previous", { from: range.previousFrom, to: range.previousTo })),
);

/** Both periods' totals from the daily summary in one statement. */
export async function periodTotals(
  db: PrismaClient,
  range: { from: string; to: string; previousFrom: string; previousTo: string },
) {
  const { from, to, previousFrom, previousTo } = range;
  const rows = await read(db, periodTotalsQuery({ from, to, previousFrom, previousTo }));
  const pick = (period: Period) => {
    const row = rows.find((r) => r.period === period);
    if (!row) throw new Error(`no ${period} totals`);
    const { period: _period, ...rest } = row;
    return finish(rest);
  };
  return { current: pick("current"), previous: pick("previous") };
}

/**
 * The buckets (days, weeks from Monday, months) of a range, each with its days' summary rows,
 * grouped by bucket; empty buckets included (a left join).
 */
// Days join their bucket by equality (date_trunc), a hash join: with a range condition the
// prepared statement's generic plan compared every bucket with every day row (8 shards a day).
export const bucketed = (range: Range, granularity: Granularity) =>
  qb
    .selectFrom(
      sql<{ start: Date }>`generate_series(date_trunc(${granularity}, ${range.from}::date::timestamp),
                 ${range.to}::date::timestamp, ('1 ' || ${granularity})::interval)`.as<"b">(sql`b("start")`),
    )
    .leftJoin("SalesDay as s", (join) =>
      join
        .on((eb) => sql<SqlBool>`date_trunc(${granularity}, ${eb.ref("s.day")}::timestamp) = ${eb.ref("b.start")}`)
        .on((eb) => dayIn(eb.ref("s.day"), range)),
    )
    .select((eb) => sql<string>`to_char(${eb.ref("b.start")}, 'YYYY-MM-DD')`.as("period"))
    .groupBy("b.start");

export type SalesBucket = SalesTotals & { start: string };

const seriesOf = (granularity: Granularity) =>
  prepared({ from: "\0from", to: "\0to" }, (range) => bucketed(range, granularity).select(sums).orderBy("b.start"));
const series = { day: seriesOf("day"), week: seriesOf("week"), month: seriesOf("month") } satisfies Record<
  Granularity,
  unknown
>;

/** Totals per day, week (from Monday) or month of the range, empty buckets included. */
export async function salesByPeriod(db: PrismaClient, range: Range, granularity: Granularity): Promise<SalesBucket[]> {
  const rows = await read(db, series[granularity]({ from: range.from, to: range.to }));
  return rows.map(({ period, ...rest }) => ({ start: period, ...finish(rest) }));
}
