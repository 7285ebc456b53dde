import { qb, type PrismaClient } from "@shop/db";
import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import { read } from "../../lib/sql.ts";

const DEFAULT_LOW_STOCK = 5;

// shop_time_zone() is the validated setting "shop.timeZone" (a function of the migrations).
const calendarQuery = qb.selectNoFrom((eb) => [
  sql<string>`shop_time_zone()`.as("timeZone"),
  sql<string>`to_char(now() AT TIME ZONE shop_time_zone(), 'YYYY-MM-DD')`.as("today"),
  eb
    .selectFrom("Setting")
    .select("value")
    .where("key", "=", sql.lit("inventory.lowStockThreshold"))
    .$asScalar()
    .as("lowStockThreshold"),
]);

/**
 * The shop's time zone (setting "shop.timeZone", validated by the database when written), its
 * local date today, and the default low-stock threshold (setting "inventory.lowStockThreshold").
 */
export async function shopCalendar(db: PrismaClient) {
  const [row] = await read(db, calendarQuery);
  if (!row) throw new Error("no calendar row");
  // A setting's value is JSON staff wrote: checked, not trusted.
  const threshold = z.number().int().min(0).safeParse(row.lowStockThreshold);
  return {
    timeZone: row.timeZone,
    today: row.today,
    lowStockThreshold: threshold.success ? threshold.data : DEFAULT_LOW_STOCK,
  };
}

/** Local days of the shop, with its zone: passed as a parameter so SQL does not look it up per row. */
export type LocalRange = { from: string; to: string; timeZone: string };

// The SQL functions below come from the migrations (`sales_summary`): the one definition the
// summary triggers and the queries share. Their arguments are typed column references.

/** Instants [start of `from`, start of the day after `to`) in the shop's zone, for order scans. */
export const localDayBounds = (column: Expression<Date | null>, range: LocalRange) =>
  sql<SqlBool>`${column} >= shop_day_start(${range.from}::date, ${range.timeZone})
         AND ${column} < shop_day_start(${range.to}::date + 1, ${range.timeZone})`;

/** A stored (UTC) timestamp's local date in the shop's zone, as "YYYY-MM-DD" (null stays null). */
export const localDate = <T extends Date | null>(column: Expression<T>, timeZone: string) =>
  sql<T extends Date ? string : string | null>`to_char(shop_local_day(${column}, ${timeZone}), 'YYYY-MM-DD')`;

/** The orders reports count (see docs/architecture.md, "Reports"); same rule as the summary triggers. */
export const counted = (order: { state: Expression<string>; paidAt: Expression<Date | null> }) =>
  sql<SqlBool>`shop_order_counted(${order.state}, ${order.paidAt})`;

/** A day (`date` column) of the range, both ends included; the text is cast once, not per row. */
export const dayIn = (day: Expression<Date>, range: { from: string; to: string }) =>
  sql<SqlBool>`${day} BETWEEN ${range.from}::date AND ${range.to}::date`;
