import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, fieldErrors, setupTestShop } from "./support.ts";
import { makeOrder } from "./order-fixture.ts";

describe("inventory: stock levels, adjustments and history", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF", name: "Stock Keeper" })).id;
    staff = (await callerFor(shop.prisma, { userId: staffId })).caller;
  });
  afterAll(() => shop.db.close());

  it("adjusts with a reason and a note, records each movement with actor and resulting level, and shows the history", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 10, sku: "INV-ADJ-1" }] });
    const variantId = product.variants[0]?.id ?? 0;
    await shop.prisma.variant.update({ where: { id: variantId }, data: { reserved: 3 } });

    const restocked = await staff.admin.inventory.adjust({ variantId, reason: "RESTOCK", delta: 20, note: "PO 1881" });
    expect(restocked).toMatchObject({ sku: "INV-ADJ-1", stockOnHand: 30, reserved: 3, available: 27 });
    await staff.admin.inventory.adjust({ variantId, reason: "DAMAGE", delta: -2 });
    await staff.admin.inventory.adjust({ variantId, reason: "CORRECTION", delta: -1, note: "Counted" });
    const returned = await staff.admin.inventory.adjust({ variantId, reason: "RETURN", delta: 1 });
    expect(returned).toMatchObject({ stockOnHand: 28, reserved: 3, available: 25 });

    const history = await staff.admin.inventory.history({ variantId });
    expect(history.items.map((m) => [m.reason, m.delta, m.stockAfter, m.reservedAfter, m.note, m.actor?.name])).toEqual(
      [
        ["RETURN", 1, 28, 3, null, "Stock Keeper"],
        ["CORRECTION", -1, 27, 3, "Counted", "Stock Keeper"],
        ["DAMAGE", -2, 28, 3, null, "Stock Keeper"],
        ["RESTOCK", 20, 30, 3, "PO 1881", "Stock Keeper"],
      ],
    );
    const page = await staff.admin.inventory.history({ variantId, limit: 3 });
    expect(page.items).toHaveLength(3);
    const rest = await staff.admin.inventory.history({ variantId, limit: 3, cursor: page.nextCursor });
    expect(rest.items.map((m) => m.reason)).toEqual(["RESTOCK"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("never removes reserved units and changes nothing on bad input", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 5 }] });
    const variantId = product.variants[0]?.id ?? 0;
    await shop.prisma.variant.update({ where: { id: variantId }, data: { reserved: 4 } });
    await expect(staff.admin.inventory.adjust({ variantId, reason: "DAMAGE", delta: -2 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only 1 units can be removed: 4 of the 5 on hand are reserved by orders",
    });
    const wrongSign = await staff.admin.inventory
      .adjust({ variantId, reason: "RESTOCK", delta: -1 })
      .catch((error: unknown) => error);
    expect(fieldErrors(wrongSign, "delta")).toEqual([
      "A restock or return adds units; use damage or a correction to remove them",
    ]);
    await expect(staff.admin.inventory.adjust({ variantId, reason: "CORRECTION", delta: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      staff.admin.inventory.adjust({ variantId: 999_999, reason: "RESTOCK", delta: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      }),
    ).toEqual({ stockOnHand: 5, reserved: 4 });
    expect(await shop.prisma.inventoryMovement.count({ where: { variantId, reason: { not: "INITIAL" } } })).toBe(0);
  });

  it("lists stock by SKU or name, the low-stock list emptiest first, and counts it for the dashboard", async () => {
    await staff.admin.inventory.setDefaultThreshold({ threshold: 4 });
    const product = await shop.make.product({
      name: "Lowstock Lantern",
      variants: [
        { price: 1_000, stock: 3, sku: "LOW-A" },
        { price: 1_000, stock: 9, sku: "LOW-B" },
        { price: 1_000, stock: 1, sku: "LOW-C" },
      ],
    });
    const [a, b, c] = product.variants;
    await staff.admin.inventory.setThreshold({ variantId: b?.id ?? 0, threshold: 10 });
    const archived = await shop.make.product({
      status: "ARCHIVED",
      variants: [{ price: 1_000, stock: 0, sku: "LOW-ARCHIVED" }],
    });
    const low = await staff.admin.inventory.list({ lowStock: true, search: "LOW-" });
    expect(low.items.map((row) => [row.sku, row.available, row.threshold])).toEqual([
      ["LOW-C", 1, 4],
      ["LOW-A", 3, 4],
      ["LOW-B", 9, 10],
    ]);
    expect(low.items.some((row) => row.id === archived.variants[0]?.id)).toBe(false);
    const byName = await staff.admin.inventory.list({ search: "lowstock lantern", limit: 2 });
    expect(byName.items.map((row) => row.sku)).toEqual(["LOW-A", "LOW-B"]);
    const next = await staff.admin.inventory.list({ search: "lowstock lantern", limit: 2, cursor: byName.nextCursor });
    expect(next.items.map((row) => row.sku)).toEqual(["LOW-C"]);

    const before = await staff.admin.inventory.lowStockCount();
    await staff.admin.inventory.adjust({ variantId: c?.id ?? 0, reason: "RESTOCK", delta: 50 });
    expect(await staff.admin.inventory.lowStockCount()).toEqual({ count: before.count - 1 });
    expect(await staff.admin.inventory.get({ variantId: a?.id ?? 0 })).toMatchObject({
      lowStockThreshold: null,
      threshold: 4,
    });
  });

  it("updates stock from CSV: reports every problem by line and column without writing, then applies all rows", async () => {
    const product = await shop.make.product({
      variants: [
        { price: 1_000, stock: 10, sku: "CSV-STOCK-1" },
        { price: 1_000, stock: 10, sku: "CSV-STOCK-2" },
      ],
    });
    const [one, two] = product.variants;
    await shop.prisma.variant.update({ where: { id: two?.id ?? 0 }, data: { reserved: 6 } });
    const bad = [
      "sku,quantity,delta,note",
      "CSV-STOCK-1,12,,",
      "NOPE-1,3,,",
      "CSV-STOCK-2,,-5,",
      "CSV-STOCK-1,,2,",
      ",x,,",
      "CSV-STOCK-2,4,1,",
    ].join("\n");
    const report = await staff.admin.inventory.importCsv({ csv: bad });
    expect(report).toMatchObject({ ok: false });
    if (report.ok) throw new Error("expected errors");
    expect([...new Set(report.errors.map((e) => `${e.row}:${e.column}`))]).toEqual([
      "3:sku",
      "4:delta",
      "5:sku",
      "6:sku",
      "6:quantity",
      "7:delta",
    ]);
    expect(report.errors.find((e) => e.row === 4)?.message).toBe(
      "Would leave 5 on hand, fewer than the 6 reserved by orders",
    );
    expect(
      await shop.prisma.variant.findMany({
        where: { productId: product.id },
        select: { stockOnHand: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([{ stockOnHand: 10 }, { stockOnHand: 10 }]);

    const good = "SKU,Quantity,Delta,Note\r\ncsv-stock-1,25,,Stocktake\r\nCSV-STOCK-2,,+7,Delivery 12\r\n";
    expect(await staff.admin.inventory.importCsv({ csv: good, dryRun: true })).toEqual({
      ok: true,
      rows: 2,
      changed: 0,
      applied: false,
    });
    expect(await staff.admin.inventory.importCsv({ csv: good })).toEqual({
      ok: true,
      rows: 2,
      changed: 2,
      applied: true,
    });
    expect(
      await shop.prisma.variant.findMany({
        where: { productId: product.id },
        select: { stockOnHand: true, reserved: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { stockOnHand: 25, reserved: 0 },
      { stockOnHand: 17, reserved: 6 },
    ]);
    const movements = await shop.prisma.inventoryMovement.findMany({
      where: { variantId: { in: [one?.id ?? 0, two?.id ?? 0] }, reason: "IMPORT" },
      select: { delta: true, stockAfter: true, note: true, actorId: true },
      orderBy: { variantId: "asc" },
    });
    expect(movements).toEqual([
      { delta: 15, stockAfter: 25, note: "Stocktake", actorId: staffId },
      { delta: 7, stockAfter: 17, note: "Delivery 12", actorId: staffId },
    ]);
    expect(
      await shop.prisma.auditLog.count({
        where: { action: "inventory.import", entityId: { in: [String(one?.id), String(two?.id)] } },
      }),
    ).toBe(2);
  });

  it("finds orders by number, customers by email and products by name or SKU in one search", async () => {
    const customer = await shop.make.user({ email: "findable.person@example.com" });
    const product = await shop.make.product({
      name: "Searchable Teapot",
      variants: [{ price: 1_000, sku: "TEA-POT-9" }],
    });
    const order = await makeOrder(shop.prisma, customer);
    const byNumber = await staff.admin.search({ query: `#${order.number}` });
    expect(byNumber.orders.map((o) => o.id)).toEqual([order.id]);
    expect((await staff.admin.search({ query: "FINDABLE.person" })).customers.map((c) => c.id)).toEqual([customer.id]);
    expect((await staff.admin.search({ query: "teapot" })).products.map((p) => p.id)).toEqual([product.id]);
    expect((await staff.admin.search({ query: "tea-pot" })).products).toEqual([
      { id: product.id, label: "Searchable Teapot", detail: "SKU TEA-POT-9", image: null },
    ]);
    expect((await staff.admin.search({ query: "teapot" })).orders).toEqual([]);
  });
});
