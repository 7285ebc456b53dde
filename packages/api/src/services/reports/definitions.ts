import { Prisma } from "@shop/db";
import type { Granularity, ReportKind } from "@shop/validators";
import { counted, localDate, localDayBounds, type LocalRange } from "./shop.ts";

export type ColumnKind = "text" | "date" | "int" | "money";
export type ReportColumn = { key: string; label: string; kind: ColumnKind };
type Range = LocalRange;

export type ReportDefinition = {
  title: string;
  columns: readonly ReportColumn[];
  defaultSort: string;
  /** One row per line of the report, columns aliased by key; sorted by the caller. */
  query: (range: Range, granularity: Granularity) => Prisma.Sql;
  /** Makes equal sort keys come out in a stable order. */
  tieBreak: Prisma.Sql;
};

const money = (key: string, label: string): ReportColumn => ({ key, label, kind: "money" });
const int = (key: string, label: string): ReportColumn => ({ key, label, kind: "int" });

// Buckets joined by equality, as in salesByPeriod (totals.ts).
const perPeriod = (range: Range, granularity: Granularity) => Prisma.sql`
  SELECT to_char(b."start", 'YYYY-MM-DD') AS "period", COALESCE(sum(s."orders"), 0)::int AS "orders",
         COALESCE(sum(s."units"), 0)::int AS "units", COALESCE(sum(s."subtotal"), 0)::float8 AS "grossSales",
         COALESCE(sum(s."discount"), 0)::float8 AS "discounts", COALESCE(sum(s."subtotal" - s."discount"), 0)::float8 AS "netSales",
         COALESCE(sum(s."shipping"), 0)::float8 AS "shipping", COALESCE(sum(s."tax"), 0)::float8 AS "tax",
         COALESCE(sum(s."refunds"), 0)::float8 AS "refunds", COALESCE(sum(s."total" - s."refunds"), 0)::float8 AS "revenue"
    FROM generate_series(date_trunc(${granularity}, ${range.from}::date::timestamp), ${range.to}::date::timestamp,
                         ('1 ' || ${granularity})::interval) AS b("start")
    LEFT JOIN "SalesDay" s ON date_trunc(${granularity}, s."day"::timestamp) = b."start"
                          AND s."day" BETWEEN ${range.from}::date AND ${range.to}::date
   GROUP BY b."start"`;

const soldProducts = (range: Range) => Prisma.sql`
  SELECT s."productId", sum(s."units")::int AS units, sum(s."revenue")::float8 AS revenue, sum(s."orders")::int AS orders
    FROM "SalesDayProduct" s WHERE s."day" BETWEEN ${range.from}::date AND ${range.to}::date GROUP BY s."productId"`;

export const reports: Record<ReportKind, ReportDefinition> = {
  sales: {
    title: "Sales",
    columns: [
      { key: "period", label: "Period", kind: "date" },
      int("orders", "Orders"),
      int("units", "Units"),
      money("grossSales", "Gross sales"),
      money("discounts", "Discounts"),
      money("netSales", "Net sales"),
      money("shipping", "Shipping"),
      money("tax", "Tax"),
      money("refunds", "Refunds"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "period",
    query: perPeriod,
    tieBreak: Prisma.sql`"period"`,
  },
  products: {
    title: "Sales by product",
    columns: [
      { key: "product", label: "Product", kind: "text" },
      { key: "category", label: "Category", kind: "text" },
      { key: "brand", label: "Brand", kind: "text" },
      int("orders", "Orders"),
      int("units", "Units"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "revenue",
    query: (range) => Prisma.sql`
      SELECT COALESCE(p."name", 'Deleted product') AS "product", c."name" AS "category", b."name" AS "brand",
             sold.orders AS "orders", sold.units AS "units", sold.revenue AS "revenue", sold."productId" AS "id"
        FROM (${soldProducts(range)}) sold
        LEFT JOIN "Product" p ON p."id" = sold."productId"
        LEFT JOIN "Category" c ON c."id" = p."categoryId"
        LEFT JOIN "Brand" b ON b."id" = p."brandId"`,
    tieBreak: Prisma.sql`"id"`,
  },
  categories: {
    title: "Sales by category",
    columns: [
      { key: "category", label: "Category", kind: "text" },
      int("products", "Products sold"),
      int("units", "Units"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "revenue",
    query: (range) => Prisma.sql`
      SELECT COALESCE(c."name", 'Uncategorised') AS "category", count(*)::int AS "products", sum(sold.units)::int AS "units",
             sum(sold.revenue)::float8 AS "revenue", p."categoryId" AS "id"
        FROM (${soldProducts(range)}) sold
        LEFT JOIN "Product" p ON p."id" = sold."productId"
        LEFT JOIN "Category" c ON c."id" = p."categoryId"
       GROUP BY p."categoryId", c."name"`,
    tieBreak: Prisma.sql`"id"`,
  },
  brands: {
    title: "Sales by brand",
    columns: [
      { key: "brand", label: "Brand", kind: "text" },
      int("products", "Products sold"),
      int("units", "Units"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "revenue",
    query: (range) => Prisma.sql`
      SELECT COALESCE(b."name", 'No brand') AS "brand", count(*)::int AS "products", sum(sold.units)::int AS "units",
             sum(sold.revenue)::float8 AS "revenue", p."brandId" AS "id"
        FROM (${soldProducts(range)}) sold
        LEFT JOIN "Product" p ON p."id" = sold."productId"
        LEFT JOIN "Brand" b ON b."id" = p."brandId"
       GROUP BY p."brandId", b."name"`,
    tieBreak: Prisma.sql`"id"`,
  },
  customers: {
    title: "Sales by customer",
    columns: [
      { key: "email", label: "Email", kind: "text" },
      { key: "name", label: "Name", kind: "text" },
      int("orders", "Orders"),
      money("revenue", "Order totals"),
      { key: "lastOrder", label: "Last order", kind: "date" },
    ],
    defaultSort: "revenue",
    // Grouped first, names joined after: one lookup per customer, not per order.
    query: (range) => Prisma.sql`
      SELECT c."email" AS "email", u."name" AS "name", c.orders AS "orders", c.revenue AS "revenue",
             ${localDate(Prisma.sql`c.last_paid`, range.timeZone)} AS "lastOrder"
        FROM (SELECT o."email", max(o."userId") AS user_id, count(*)::int AS orders, sum(o."total")::float8 AS revenue,
                     max(o."paidAt") AS last_paid
                FROM "Order" o
               WHERE ${localDayBounds(Prisma.sql`o."paidAt"`, range)} AND ${counted(Prisma.sql`o`)}
               GROUP BY o."email") c
        LEFT JOIN "User" u ON u."id" = c.user_id`,
    tieBreak: Prisma.sql`"email"`,
  },
  tax: {
    title: "Tax collected",
    columns: [
      { key: "period", label: "Period", kind: "date" },
      int("orders", "Orders"),
      money("netSales", "Net sales"),
      money("shipping", "Shipping"),
      money("tax", "Tax collected"),
    ],
    defaultSort: "period",
    query: (range, granularity) =>
      Prisma.sql`SELECT "period", "orders", "netSales", "shipping", "tax" FROM (${perPeriod(range, granularity)}) t`,
    tieBreak: Prisma.sql`"period"`,
  },
  refunds: {
    title: "Refunds",
    columns: [
      { key: "date", label: "Date", kind: "date" },
      int("order", "Order"),
      { key: "email", label: "Email", kind: "text" },
      { key: "reason", label: "Reason", kind: "text" },
      money("amount", "Amount"),
    ],
    defaultSort: "date",
    query: (range) => Prisma.sql`
      SELECT ${localDate(Prisma.sql`r."createdAt"`, range.timeZone)} AS "date", o."number" AS "order",
             o."email" AS "email", r."reason" AS "reason", r."amount"::float8 AS "amount", r."id" AS "id"
        FROM "Refund" r JOIN "Order" o ON o."id" = r."orderId"
       WHERE r."status" = 'SUCCEEDED' AND ${localDayBounds(Prisma.sql`r."createdAt"`, range)} AND ${counted(Prisma.sql`o`)}`,
    tieBreak: Prisma.sql`"id"`,
  },
  returns: {
    title: "Returns",
    columns: [
      { key: "date", label: "Requested", kind: "date" },
      int("order", "Order"),
      { key: "status", label: "Status", kind: "text" },
      { key: "reason", label: "Reason", kind: "text" },
      int("units", "Units"),
      money("refunded", "Refunded"),
    ],
    defaultSort: "date",
    query: (range) => Prisma.sql`
      SELECT ${localDate(Prisma.sql`rt."requestedAt"`, range.timeZone)} AS "date", o."number" AS "order",
             initcap(rt."status"::text) AS "status", rt."reason" AS "reason",
             (SELECT COALESCE(sum(i."quantity"), 0)::int FROM "ReturnItem" i WHERE i."returnId" = rt."id") AS "units",
             COALESCE((SELECT r."amount" FROM "Refund" r WHERE r."id" = rt."refundId" AND r."status" = 'SUCCEEDED'), 0)::float8 AS "refunded",
             rt."id" AS "id"
        FROM "Return" rt JOIN "Order" o ON o."id" = rt."orderId"
       WHERE ${localDayBounds(Prisma.sql`rt."requestedAt"`, range)}`,
    tieBreak: Prisma.sql`"id"`,
  },
};
