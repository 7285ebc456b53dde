import type { PrismaClient } from "@shop/db";
import type { DashboardInputSchema } from "@shop/validators";
import type { z } from "zod";
import { lowStockCount } from "../inventory/low-stock.ts";
import { couponPerformance, customerMix } from "./breakdowns.ts";
import { resolveRange } from "./range.ts";
import { shopCalendar } from "./shop.ts";
import { topSellers } from "./top-sellers.ts";
import { periodTotals, salesByPeriod } from "./totals.ts";

const TOP = 5;

/**
 * The admin home: KPIs against the previous period, the revenue and orders chart, top lists,
 * coupons and the low-stock count. Independent statements run side by side on the pool.
 */
export async function salesDashboard(db: PrismaClient, input: z.output<typeof DashboardInputSchema>) {
  const calendar = await shopCalendar(db);
  const range = { ...resolveRange(input, calendar.today), timeZone: calendar.timeZone };
  const [totals, series, top, coupons, customers, lowStock] = await Promise.all([
    periodTotals(db, range),
    salesByPeriod(db, range, input.granularity),
    topSellers(db, range, TOP),
    couponPerformance(db, range),
    customerMix(db, range),
    lowStockCount(db),
  ]);
  return {
    range: { ...range, granularity: input.granularity, today: calendar.today },
    current: {
      ...totals.current,
      newCustomers: customers.current.new,
      returningCustomers: customers.current.returning,
    },
    previous: {
      ...totals.previous,
      newCustomers: customers.previous.new,
      returningCustomers: customers.previous.returning,
    },
    series: series.map((bucket) => ({ start: bucket.start, revenue: bucket.revenue, orders: bucket.orders })),
    top,
    coupons,
    lowStock: { count: lowStock.count, threshold: calendar.lowStockThreshold },
  };
}
