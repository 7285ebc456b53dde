import { qb } from "@shop/db";
import type { Granularity, ReportKind } from "@shop/validators";
import { sql } from "kysely";
import { countAll, sumInt, sumMoney, totalInt, totalMoney } from "../../lib/aggregates.ts";
import { int, money, report, type ReportDefinition } from "./report.ts";
import { counted, dayIn, localDate, localDayBounds, type LocalRange } from "./shop.ts";
import { bucketed, day } from "./totals.ts";

type Range = LocalRange;

// Buckets joined by equality, as in salesByPeriod (totals.ts).
const perPeriod = (range: Range, granularity: Granularity) =>
  bucketed(range, granularity).select([
    totalInt(day.ref("s.orders")).as("orders"),
    totalInt(day.ref("s.units")).as("units"),
    totalMoney(day.ref("s.subtotal")).as("grossSales"),
    totalMoney(day.ref("s.discount")).as("discounts"),
    totalMoney(day("s.subtotal", "-", day.ref("s.discount"))).as("netSales"),
    totalMoney(day.ref("s.shipping")).as("shipping"),
    totalMoney(day.ref("s.tax")).as("tax"),
    totalMoney(day.ref("s.refunds")).as("refunds"),
    totalMoney(day("s.total", "-", day.ref("s.refunds"))).as("revenue"),
  ]);

const soldProducts = (range: Range) =>
  qb
    .selectFrom("SalesDayProduct as s")
    .select((eb) => [
      "s.productId",
      sumInt(eb.ref("s.units")).as("units"),
      sumMoney(eb.ref("s.revenue")).as("revenue"),
      sumInt(eb.ref("s.orders")).as("orders"),
    ])
    .where((eb) => dayIn(eb.ref("s.day"), range))
    .groupBy("s.productId");

const soldWithProduct = (range: Range) =>
  qb.selectFrom(soldProducts(range).as("sold")).leftJoin("Product as p", "p.id", "sold.productId");

export const reports: Record<ReportKind, ReportDefinition> = {
  sales: report({
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
    tieBreak: "period",
  }),
  products: report({
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
    query: (range) =>
      soldWithProduct(range)
        .leftJoin("Category as c", "c.id", "p.categoryId")
        .leftJoin("Brand as b", "b.id", "p.brandId")
        .select((eb) => [
          eb.fn.coalesce("p.name", sql.lit("Deleted product")).as("product"),
          "c.name as category",
          "b.name as brand",
          "sold.orders",
          "sold.units",
          "sold.revenue",
          "sold.productId as id",
        ]),
    tieBreak: "id",
  }),
  categories: report({
    title: "Sales by category",
    columns: [
      { key: "category", label: "Category", kind: "text" },
      int("products", "Products sold"),
      int("units", "Units"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "revenue",
    query: (range) =>
      soldWithProduct(range)
        .leftJoin("Category as c", "c.id", "p.categoryId")
        .select((eb) => [
          eb.fn.coalesce("c.name", sql.lit("Uncategorised")).as("category"),
          countAll().as("products"),
          sumInt(eb.ref("sold.units")).as("units"),
          sumMoney(eb.ref("sold.revenue")).as("revenue"),
          "p.categoryId as id",
        ])
        .groupBy(["p.categoryId", "c.name"]),
    tieBreak: "id",
  }),
  brands: report({
    title: "Sales by brand",
    columns: [
      { key: "brand", label: "Brand", kind: "text" },
      int("products", "Products sold"),
      int("units", "Units"),
      money("revenue", "Revenue"),
    ],
    defaultSort: "revenue",
    query: (range) =>
      soldWithProduct(range)
        .leftJoin("Brand as b", "b.id", "p.brandId")
        .select((eb) => [
          eb.fn.coalesce("b.name", sql.lit("No brand")).as("brand"),
          countAll().as("products"),
          sumInt(eb.ref("sold.units")).as("units"),
          sumMoney(eb.ref("sold.revenue")).as("revenue"),
          "p.brandId as id",
        ])
        .groupBy(["p.brandId", "b.name"]),
    tieBreak: "id",
  }),
  customers: report({
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
    query: (range) =>
      qb
        .selectFrom(
          qb
            .selectFrom("Order as o")
            .select((eb) => [
              "o.email",
              eb.fn.max("o.userId").as("userId"),
              countAll().as("orders"),
              sumMoney(eb.ref("o.total")).as("revenue"),
              eb.fn.max("o.paidAt").as("lastPaid"),
            ])
            .where((eb) => localDayBounds(eb.ref("o.paidAt"), range))
            .where((eb) => counted({ state: eb.ref("o.state"), paidAt: eb.ref("o.paidAt") }))
            .groupBy("o.email")
            .as("c"),
        )
        .leftJoin("User as u", "u.id", "c.userId")
        .select((eb) => [
          "c.email",
          "u.name",
          "c.orders",
          "c.revenue",
          localDate(eb.ref("c.lastPaid"), range.timeZone).as("lastOrder"),
        ]),
    tieBreak: "email",
  }),
  tax: report({
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
      qb
        .selectFrom(perPeriod(range, granularity).as("t"))
        .select(["t.period", "t.orders", "t.netSales", "t.shipping", "t.tax"]),
    tieBreak: "period",
  }),
  refunds: report({
    title: "Refunds",
    columns: [
      { key: "date", label: "Date", kind: "date" },
      int("order", "Order"),
      { key: "email", label: "Email", kind: "text" },
      { key: "reason", label: "Reason", kind: "text" },
      money("amount", "Amount"),
    ],
    defaultSort: "date",
    query: (range) =>
      qb
        .selectFrom("Refund as r")
        .innerJoin("Order as o", "o.id", "r.orderId")
        .select((eb) => [
          localDate(eb.ref("r.createdAt"), range.timeZone).as("date"),
          "o.number as order",
          "o.email",
          "r.reason",
          "r.amount",
          "r.id",
        ])
        .where("r.status", "=", sql.lit("SUCCEEDED"))
        .where((eb) => localDayBounds(eb.ref("r.createdAt"), range))
        .where((eb) => counted({ state: eb.ref("o.state"), paidAt: eb.ref("o.paidAt") })),
    tieBreak: "id",
  }),
  returns: report({
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
    query: (range) =>
      qb
        .selectFrom("Return as rt")
        .innerJoin("Order as o", "o.id", "rt.orderId")
        .select((eb) => [
          localDate(eb.ref("rt.requestedAt"), range.timeZone).as("date"),
          "o.number as order",
          sql<string>`initcap(${eb.ref("rt.status")}::text)`.as("status"),
          "rt.reason",
          eb
            .selectFrom("ReturnItem as i")
            .select((eb) => totalInt(eb.ref("i.quantity")).as("units"))
            .whereRef("i.returnId", "=", "rt.id")
            .$asScalar()
            .as("units"),
          eb.fn
            .coalesce(
              eb
                .selectFrom("Refund as r")
                .select("r.amount")
                .whereRef("r.id", "=", "rt.refundId")
                .where("r.status", "=", sql.lit("SUCCEEDED"))
                .$asScalar(),
              sql.lit(0),
            )
            .as("refunded"),
          "rt.id",
        ])
        .where((eb) => localDayBounds(eb.ref("rt.requestedAt"), range)),
    tieBreak: "id",
  }),
};
