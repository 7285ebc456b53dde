import { ORDER_CSV_COLUMNS, parseCsv } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrder } from "./order-fixture.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("bulk order documents: packing slips and CSV export", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  let orders: { id: number; number: number }[];
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF" })).id;
    const buyer = await shop.make.user({ email: "slips@example.com" });
    orders = [];
    for (const name of ["Ada Lovelace", "Alan Turing"]) {
      const order = await makeOrder(shop.prisma, buyer, { paymentStatus: "PAID" });
      await shop.prisma.orderAddress.create({
        data: {
          orderId: order.id,
          kind: "SHIPPING",
          fullName: name,
          line1: "1 Main Street",
          city: "Austin",
          postalCode: "73301",
          country: "US",
        },
      });
      await shop.prisma.orderItem.create({
        data: {
          orderId: order.id,
          productName: "Desk Lamp",
          variantTitle: "Black",
          sku: "LAMP-B",
          unitPrice: 500,
          quantity: 2,
          refundedQuantity: name === "Alan Turing" ? 1 : 0,
          total: 1_000,
        },
      });
      orders.push(order);
    }
  });
  afterAll(() => shop.db.close());

  it("gives one slip an order, in the selection's order, with what goes in the parcel and an audit record each", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const ids = orders.map((order) => order.id).reverse();
    const slips = await caller.admin.orders.packingSlips({ ids });
    expect(slips.map((slip) => [slip.number, slip.shipTo?.fullName, slip.items.map((item) => item.quantity)])).toEqual([
      [orders[1]?.number, "Alan Turing", [1]],
      [orders[0]?.number, "Ada Lovelace", [2]],
    ]);
    const audits = await shop.prisma.auditLog.findMany({
      where: { action: "order.packingSlip" },
      select: { entityType: true, entityId: true, actorId: true },
    });
    expect(audits.map((row) => row.entityId).sort()).toEqual(ids.map(String).sort());
    expect(audits.every((row) => row.entityType === "Order" && row.actorId === staffId)).toBe(true);
  });

  it("exports the selection as CSV lines under the shared header, with an audit record each", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const ids = orders.map((order) => order.id);
    const { lines } = await caller.admin.orders.exportCsv({ ids });
    const rows = parseCsv([ORDER_CSV_COLUMNS.join(","), ...lines].join("\n"));
    const header = rows[0] ?? [];
    const column = (name: (typeof ORDER_CSV_COLUMNS)[number]) => header.indexOf(name);
    expect(rows).toHaveLength(3);
    expect(
      rows.slice(1).map((row) => [row[column("order_number")], row[column("ship_to")], row[column("total")]]),
    ).toEqual([
      [String(orders[0]?.number), "Ada Lovelace", "10.00"],
      [String(orders[1]?.number), "Alan Turing", "10.00"],
    ]);
    expect(await shop.prisma.auditLog.count({ where: { action: "order.export" } })).toBe(2);
  });

  it("refuses an order that does not exist, or too many at once, and records nothing", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const before = await shop.prisma.auditLog.count();
    await expect(caller.admin.orders.exportCsv({ ids: [orders[0]?.id ?? 0, 999_999] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.admin.orders.packingSlips({ ids: Array.from({ length: 51 }, (_, index) => index + 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await shop.prisma.auditLog.count()).toBe(before);
    const { caller: shopper } = await callerFor(shop.prisma, { userId: (await shop.make.user()).id });
    await expect(shopper.admin.orders.packingSlips({ ids: [orders[0]?.id ?? 0] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
