import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrder, makeRefund, summaryAgainstRebuild } from "./reports-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// A month of known orders in New York time (DST starts on 8 March 2026): every dashboard and
// report figure is checked to the cent against amounts worked out by hand below.
const march = { preset: "custom", from: "2026-03-01", to: "2026-03-31" } as const;

describe("sales reports", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  const ids = { lamp: 0, mug: 0, lampVariant: 0, mugVariant: 0, order2: 0, order3: 0, order4: 0 };

  beforeAll(async () => {
    shop = await setupTestShop();
    const { prisma, make } = shop;
    await prisma.setting.create({ data: { key: "shop.timeZone", value: "America/New_York" } });
    await prisma.setting.create({ data: { key: "inventory.lowStockThreshold", value: 5 } });
    const [light, kitchen] = [await make.category({ name: "Lighting" }), await make.category({ name: "Kitchen" })];
    const [lumo, potter] = [await make.brand("Lumo"), await make.brand("Potter")];
    // A name that a spreadsheet would run as a formula: the CSV must defuse it.
    const lamp = await make.product({
      name: "=Desk Lamp",
      brandId: lumo.id,
      categoryId: light.id,
      variants: [{ price: 5_000, stock: 10 }],
    });
    const mug = await make.product({
      name: "Mug",
      brandId: potter.id,
      categoryId: kitchen.id,
      variants: [{ price: 2_500, stock: 3 }],
    });
    await make.product({ variants: [{ price: 100, stock: 20 }] });
    ids.lamp = lamp.id;
    ids.mug = mug.id;
    ids.lampVariant = lamp.variants[0]?.id ?? 0;
    ids.mugVariant = mug.variants[0]?.id ?? 0;
    await prisma.variant.update({ where: { id: ids.lampVariant }, data: { reserved: 4, lowStockThreshold: 6 } });
    const save10 = await prisma.coupon.create({ data: { code: "SAVE10", type: "FIXED_AMOUNT", value: 1_000 } });
    const welcome = await prisma.coupon.create({ data: { code: "WELCOME", type: "FIXED_AMOUNT", value: 500 } });
    const alice = await make.user({ email: "alice@example.com", name: "Alice Archer" });
    const lampLine = (quantity: number, discount = 0) => ({
      productId: ids.lamp,
      variantId: ids.lampVariant,
      unitPrice: 5_000,
      quantity,
      discount,
    });
    const mugLine = (quantity: number, discount = 0) => ({
      productId: ids.mug,
      variantId: ids.mugVariant,
      unitPrice: 2_500,
      quantity,
      discount,
    });

    // 1. Alice's first order, in the previous period; refunded 10.00 on 2 March (counts in March).
    const order1 = await makeOrder(prisma, {
      email: "alice@example.com",
      userId: alice.id,
      status: "DELIVERED",
      paidAt: "2026-02-10T12:00:00-05:00",
      lines: [lampLine(1)],
      shipping: 500,
      tax: 300,
    });
    await makeRefund(prisma, order1, { amount: 1_000, at: "2026-03-02T09:00:00-05:00" });
    // 2. Alice again (returning): 2 lamps, 10.00 off, 7.00 tax; 20.00 refunded on 5 March.
    const order2 = await makeOrder(prisma, {
      email: "alice@example.com",
      userId: alice.id,
      status: "PARTIALLY_REFUNDED",
      paidAt: "2026-03-03T10:00:00-05:00",
      lines: [lampLine(2, 1_000)],
      tax: 700,
      couponId: save10.id,
      couponCode: "SAVE10",
    });
    await makeRefund(prisma, order2, { amount: 2_000, at: "2026-03-05T16:00:00-05:00", reason: "Scratched" });
    // 3. Bob, new, at 23:30 on 10 March in New York (03:30 on the 11th in UTC); a failed refund.
    const order3 = await makeOrder(prisma, {
      email: "bob@example.com",
      status: "PAID",
      paidAt: "2026-03-10T23:30:00-04:00",
      lines: [mugLine(1)],
      shipping: 500,
    });
    await makeRefund(prisma, order3, { amount: 500, at: "2026-03-12T10:00:00-04:00", status: "FAILED" });
    // 4. Carol, a guest, one minute before April in New York; 5.00 off spread over both lines.
    const order4 = await makeOrder(prisma, {
      email: "carol@example.com",
      status: "SHIPPED",
      paidAt: "2026-03-31T23:59:00-04:00",
      lines: [lampLine(1, 250), mugLine(2, 250)],
      tax: 950,
      couponId: welcome.id,
      couponCode: "WELCOME",
    });
    // Not counted: unpaid, cancelled after payment (with its refund), and April in New York.
    await makeOrder(prisma, { email: "bob@example.com", status: "PENDING_PAYMENT", paidAt: null, lines: [mugLine(1)] });
    const cancelled = await makeOrder(prisma, {
      email: "dave@example.com",
      status: "CANCELLED",
      paidAt: "2026-03-12T12:00:00-04:00",
      lines: [lampLine(1)],
    });
    await makeRefund(prisma, cancelled, { amount: 5_000, at: "2026-03-12T13:00:00-04:00" });
    await makeOrder(prisma, {
      email: "erin@example.com",
      status: "PAID",
      paidAt: "2026-04-01T00:30:00-04:00",
      lines: [mugLine(1)],
    });
    ids.order2 = order2.id;
    ids.order3 = order3.id;
    ids.order4 = order4.id;
    staff = (await callerFor(prisma, { userId: (await make.user({ role: "STAFF" })).id })).caller;
  });
  afterAll(() => shop.db.close());

  it("computes every dashboard figure to the cent, against the previous period", async () => {
    const dashboard = await staff.admin.reports.dashboard({ ...march, granularity: "month" });
    expect(dashboard.range).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
      previousFrom: "2026-01-29",
      previousTo: "2026-02-28",
      timeZone: "America/New_York",
    });
    expect(dashboard.current).toEqual({
      orders: 3,
      units: 6,
      subtotal: 22_500,
      discount: 1_500,
      shipping: 500,
      tax: 1_650,
      total: 23_150,
      refunds: 3_000,
      refundCount: 2,
      revenue: 20_150,
      averageOrderValue: 7_717,
      newCustomers: 2,
      returningCustomers: 1,
    });
    expect(dashboard.previous).toEqual({
      orders: 1,
      units: 1,
      subtotal: 5_000,
      discount: 0,
      shipping: 500,
      tax: 300,
      total: 5_800,
      refunds: 0,
      refundCount: 0,
      revenue: 5_800,
      averageOrderValue: 5_800,
      newCustomers: 1,
      returningCustomers: 0,
    });
    expect(dashboard.series).toEqual([{ start: "2026-03-01", revenue: 20_150, orders: 3 }]);
    expect(dashboard.top.products).toEqual([
      { id: ids.lamp, name: "=Desk Lamp", units: 3, revenue: 13_750 },
      { id: ids.mug, name: "Mug", units: 3, revenue: 7_250 },
    ]);
    expect(dashboard.top.categories.map((c) => [c.name, c.units, c.revenue])).toEqual([
      ["Lighting", 3, 13_750],
      ["Kitchen", 3, 7_250],
    ]);
    expect(dashboard.top.brands.map((b) => [b.name, b.units, b.revenue])).toEqual([
      ["Lumo", 3, 13_750],
      ["Potter", 3, 7_250],
    ]);
    expect(dashboard.coupons).toEqual([
      { code: "WELCOME", orders: 1, discount: 500, revenue: 10_450 },
      { code: "SAVE10", orders: 1, discount: 1_000, revenue: 9_700 },
    ]);
    // The mug (3 left, default threshold 5) and the lamp (10 − 4 reserved, its own threshold 6).
    expect(dashboard.lowStock).toEqual({ count: 2, threshold: 5 });
  });

  it("puts a late-evening order on its local day, and refunds on theirs", async () => {
    const { series } = await staff.admin.reports.dashboard({ ...march, granularity: "day" });
    expect(series).toHaveLength(31);
    const day = (date: string) => series.find((bucket) => bucket.start === date);
    expect(day("2026-03-10")).toEqual({ start: "2026-03-10", revenue: 3_000, orders: 1 });
    expect(day("2026-03-11")).toEqual({ start: "2026-03-11", revenue: 0, orders: 0 });
    expect(day("2026-03-02")).toEqual({ start: "2026-03-02", revenue: -1_000, orders: 0 });
    expect(day("2026-03-05")).toEqual({ start: "2026-03-05", revenue: -2_000, orders: 0 });
    expect(day("2026-03-31")).toEqual({ start: "2026-03-31", revenue: 10_450, orders: 1 });
    // Weeks start on Monday; the first bucket holds only 1 March (a Sunday).
    const weeks = await staff.admin.reports.dashboard({ ...march, granularity: "week" });
    expect(weeks.series.map((w) => [w.start, w.orders, w.revenue])).toEqual([
      ["2026-02-23", 0, 0],
      ["2026-03-02", 1, 6_700],
      ["2026-03-09", 1, 3_000],
      ["2026-03-16", 0, 0],
      ["2026-03-23", 0, 0],
      ["2026-03-30", 1, 10_450],
    ]);
  });

  it("reports sales by period, product, category, brand and customer, tax and refunds, sorted", async () => {
    const sales = await staff.admin.reports.get({ ...march, report: "sales", granularity: "month" });
    expect(sales.rows).toEqual([
      {
        period: "2026-03-01",
        orders: 3,
        units: 6,
        grossSales: 22_500,
        discounts: 1_500,
        netSales: 21_000,
        shipping: 500,
        tax: 1_650,
        refunds: 3_000,
        revenue: 20_150,
      },
    ]);
    const byRevenue = await staff.admin.reports.get({ ...march, report: "sales", sort: "revenue", direction: "asc" });
    expect(byRevenue.rows.slice(0, 2).map((row) => [row.period, row.revenue])).toEqual([
      ["2026-03-05", -2_000],
      ["2026-03-02", -1_000],
    ]);
    const products = await staff.admin.reports.get({ ...march, report: "products", sort: "revenue", direction: "asc" });
    expect(products.rows).toEqual([
      { product: "Mug", category: "Kitchen", brand: "Potter", orders: 2, units: 3, revenue: 7_250 },
      { product: "=Desk Lamp", category: "Lighting", brand: "Lumo", orders: 2, units: 3, revenue: 13_750 },
    ]);
    const brands = await staff.admin.reports.get({ ...march, report: "brands", sort: "brand", direction: "asc" });
    expect(brands.rows.map((row) => row.brand)).toEqual(["Lumo", "Potter"]);
    const categories = await staff.admin.reports.get({ ...march, report: "categories" });
    expect(categories.rows.map((row) => [row.category, row.products, row.units, row.revenue])).toEqual([
      ["Lighting", 1, 3, 13_750],
      ["Kitchen", 1, 3, 7_250],
    ]);
    const customers = await staff.admin.reports.get({ ...march, report: "customers" });
    expect(customers.rows).toEqual([
      { email: "carol@example.com", name: null, orders: 1, revenue: 10_450, lastOrder: "2026-03-31" },
      { email: "alice@example.com", name: "Alice Archer", orders: 1, revenue: 9_700, lastOrder: "2026-03-03" },
      { email: "bob@example.com", name: null, orders: 1, revenue: 3_000, lastOrder: "2026-03-10" },
    ]);
    const tax = await staff.admin.reports.get({ ...march, report: "tax", granularity: "month" });
    expect(tax.rows).toEqual([{ period: "2026-03-01", orders: 3, netSales: 21_000, shipping: 500, tax: 1_650 }]);
    const refunds = await staff.admin.reports.get({ ...march, report: "refunds", sort: "date", direction: "asc" });
    expect(refunds.rows.map((row) => [row.date, row.email, row.reason, row.amount])).toEqual([
      ["2026-03-02", "alice@example.com", "Returned", 1_000],
      ["2026-03-05", "alice@example.com", "Scratched", 2_000],
    ]);
    await expect(staff.admin.reports.get({ ...march, report: "refunds", sort: "revenue" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("exports a report as CSV from the same SQL, defusing formula-like cells", async () => {
    const file = await staff.admin.reports.exportCsv({ ...march, report: "products" });
    expect(file.filename).toBe("products-2026-03-01-to-2026-03-31.csv");
    expect(file.csv.split("\r\n")).toEqual([
      "Product,Category,Brand,Orders,Units,Revenue",
      "'=Desk Lamp,Lighting,Lumo,2,3,137.50",
      "Mug,Kitchen,Potter,2,3,72.50",
      "",
    ]);
    const sales = await staff.admin.reports.exportCsv({ ...march, report: "sales", sort: "period", direction: "asc" });
    expect(sales.csv.split("\r\n")).toContain("2026-03-02,0,0,0.00,0.00,0.00,0.00,0.00,10.00,-10.00");
  });

  it("refuses backwards or overlong ranges", async () => {
    await expect(
      staff.admin.reports.dashboard({ preset: "custom", from: "2026-03-31", to: "2026-03-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      staff.admin.reports.dashboard({ preset: "custom", from: "2020-01-01", to: "2026-03-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      staff.admin.reports.dashboard({ preset: "custom", from: "2026-02-30", to: "2026-03-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps the summary equal to a from-scratch aggregation as orders change", async () => {
    const { prisma } = shop;
    await prisma.order.update({ where: { id: ids.order3 }, data: { state: "CANCELLED" } });
    await prisma.order.update({ where: { id: ids.order2 }, data: { paidAt: new Date("2026-03-04T10:00:00-05:00") } });
    const order4 = await prisma.order.findUniqueOrThrow({
      where: { id: ids.order4 },
      select: { id: true, payments: { select: { id: true } }, items: { select: { id: true } } },
    });
    await makeRefund(prisma, order4, { amount: 450, at: "2026-03-31T22:00:00-04:00" });
    const pending = await makeRefund(prisma, order4, {
      amount: 100,
      at: "2026-03-20T12:00:00-04:00",
      status: "PENDING",
    });
    await prisma.refund.update({ where: { id: pending.id }, data: { status: "SUCCEEDED" } });
    const late = await makeOrder(prisma, {
      email: "frank@example.com",
      status: "PENDING_PAYMENT",
      paidAt: null,
      lines: [{ productId: ids.mug, variantId: ids.mugVariant, unitPrice: 2_500, quantity: 1 }],
    });
    await prisma.order.update({
      where: { id: late.id },
      data: { paymentStatus: "PAID", paidAt: new Date("2026-03-20T08:00:00-04:00") },
    });
    await prisma.orderItem.create({
      data: {
        orderId: late.id,
        productId: ids.lamp,
        productName: "Lamp",
        sku: "LATE-1",
        unitPrice: 0,
        quantity: 1,
        total: 0,
      },
    });

    const { kept, rebuilt } = await summaryAgainstRebuild(prisma);
    expect(kept.days.length).toBeGreaterThan(3);
    expect(kept).toEqual(rebuilt);
    const dashboard = await staff.admin.reports.dashboard({ ...march, granularity: "day" });
    expect(dashboard.current).toMatchObject({
      orders: 3,
      units: 7,
      total: 9_700 + 10_450 + 2_500,
      refunds: 3_000 + 550,
      newCustomers: 2,
      returningCustomers: 1,
    });
    expect(dashboard.series.find((d) => d.start === "2026-03-04")).toMatchObject({ orders: 1, revenue: 9_700 });
  });

  it("re-buckets every order when the shop's time zone changes, and refuses unknown zones", async () => {
    await expect(
      shop.prisma.setting.update({ where: { key: "shop.timeZone" }, data: { value: "Mars/Olympus" } }),
    ).rejects.toThrow(/Unknown time zone/);
    await shop.prisma.setting.update({ where: { key: "shop.timeZone" }, data: { value: "UTC" } });
    const { series, current } = await staff.admin.reports.dashboard({ ...march, granularity: "day" });
    // Carol's order (03:59 UTC on 1 April) leaves March; the 20 March order stays.
    expect(current.orders).toBe(2);
    expect(series.find((d) => d.start === "2026-03-31")).toMatchObject({ orders: 0 });
    const { kept, rebuilt } = await summaryAgainstRebuild(shop.prisma);
    expect(kept).toEqual(rebuilt);
  });
});
