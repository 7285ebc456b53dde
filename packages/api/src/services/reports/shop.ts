import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows, readRows } from "../../lib/sql.ts";

const DEFAULT_LOW_STOCK = 5;

const ShopRow = z.object({ timeZone: z.string(), today: z.string(), lowStockThreshold: z.unknown() });

/**
 * The shop's time zone (setting "shop.timeZone", validated by the database when written), its
 * local date today, and the default low-stock threshold (setting "inventory.lowStockThreshold").
 */
export async function shopCalendar(db: PrismaClient) {
  const [row] = await parseRows(
    ShopRow,
    readRows(
      db,
      Prisma.sql`SELECT shop_time_zone() AS "timeZone",
                        to_char(now() AT TIME ZONE shop_time_zone(), 'YYYY-MM-DD') AS "today",
                        (SELECT "value" FROM "Setting" WHERE "key" = 'inventory.lowStockThreshold') AS "lowStockThreshold"`,
    ),
  );
  if (!row) throw new Error("no calendar row");
  const threshold = z.number().int().min(0).safeParse(row.lowStockThreshold);
  return {
    timeZone: row.timeZone,
    today: row.today,
    lowStockThreshold: threshold.success ? threshold.data : DEFAULT_LOW_STOCK,
  };
}

/** Local days of the shop, with its zone: passed as a parameter so SQL does not look it up per row. */
export type LocalRange = { from: string; to: string; timeZone: string };

/** Instants [start of `from`, start of the day after `to`) in the shop's zone, for raw order scans. */
export const localDayBounds = (column: Prisma.Sql, range: LocalRange) =>
  Prisma.sql`${column} >= shop_day_start(${range.from}::date, ${range.timeZone})
         AND ${column} < shop_day_start(${range.to}::date + 1, ${range.timeZone})`;

/** A stored (UTC) timestamp's local date in the shop's zone, as "YYYY-MM-DD". */
export const localDate = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`to_char(shop_local_day(${column}, ${timeZone}), 'YYYY-MM-DD')`;

/** The orders reports count (see docs/architecture.md, "Reports"); same rule as the summary triggers. */
export const counted = (alias: Prisma.Sql) => Prisma.sql`shop_order_counted(${alias}."state", ${alias}."paidAt")`;
