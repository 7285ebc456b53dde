import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Archiving as Shopify does it (#15): staff file away a finished order; it leaves the default
// admin list, stays in the shopper's history, and each change is in the history and the audit.

describe("archiving orders", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  let adminId: number;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    staffId = (await shop.make.user({ role: "STAFF", email: "sam@example.com" })).id;
    adminId = (await shop.make.user({ role: "ADMIN" })).id;
    staff = (await callerFor(shop.prisma, { userId: staffId })).caller;
  });
  afterAll(() => shop.db.close());

  /** A signed-in shopper's paid order of 2 units, optionally shipped and delivered. */
  async function order(step: "paid" | "unpaid" | "shipped" | "delivered") {
    const customer = await shop.make.user({ role: "CUSTOMER" });
    const product = await shop.make.product({ variants: [{ price: 1_500, stock: 10 }] });
    const shopper = await guestShopper(shop.prisma, { userId: customer.id });
    await shopper.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 2 }));
    const placed = await shopper.call((c) => c.checkout.placeOrder(checkoutInput({ email: customer.email })));
    if (step !== "unpaid")
      await shopper.call((c) =>
        c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
      );
    const { id } = await shop.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } });
    if (step === "shipped" || step === "delivered")
      await staff.admin.orders.ship({ orderId: id, carrier: "UPS", trackingNumber: `1ZA${id}` });
    if (step === "delivered") await staff.admin.orders.markDelivered({ orderId: id });
    return { id, number: placed.order.number, shopper };
  }

  const listed = async (archived?: "hide" | "only" | "all") =>
    (await staff.admin.orders.list({ limit: 100, ...(archived && { archived }) })).items.map((o) => o.id);
  const auditOf = (orderId: number) =>
    shop.prisma.auditLog.findMany({
      where: { entityType: "Order", entityId: String(orderId), action: { in: ["order.archive", "order.unarchive"] } },
      select: { action: true, actorId: true, before: true, after: true },
      orderBy: { id: "asc" },
    });

  it("archives a shipped, paid order: out of the default list, in the shopper's history, recorded", async () => {
    const o = await order("shipped");
    expect((await staff.admin.orders.get({ orderId: o.id })).canArchive).toBe(true);
    const archived = await staff.admin.orders.archive({ orderId: o.id });
    expect(archived).toMatchObject({ state: "OPEN", fulfillmentStatus: "FULFILLED", canArchive: false });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.events.at(-1)).toMatchObject({
      kind: "archive",
      fromStatus: "UNARCHIVED",
      toStatus: "ARCHIVED",
      actorType: "STAFF",
    });
    expect(await auditOf(o.id)).toEqual([
      {
        action: "order.archive",
        actorId: staffId,
        before: { archive: "UNARCHIVED" },
        after: expect.objectContaining({ archive: "ARCHIVED" }),
      },
    ]);

    expect(await listed()).not.toContain(o.id);
    expect(await listed("only")).toContain(o.id);
    expect(await listed("all")).toContain(o.id);
    expect(await listed("only")).not.toContain((await order("shipped")).id);

    // The shopper's history and order page are as before, without the shop's filing.
    const history = await o.shopper.call((c) => c.orders.list({ limit: 10 }));
    expect(history.items.map((row) => row.number)).toEqual([o.number]);
    const page = await o.shopper.call((c) => c.orders.get({ number: o.number }));
    expect(page.events.map((event) => event.kind)).not.toContain("archive");
    expect(page).not.toHaveProperty("archivedAt");

    const back = await staff.admin.orders.unarchive({ orderId: o.id });
    expect(back).toMatchObject({ archivedAt: null, canArchive: true });
    expect(await listed()).toContain(o.id);
    expect((await auditOf(o.id)).map((entry) => entry.action)).toEqual(["order.archive", "order.unarchive"]);
  });

  it("refuses unfinished orders and repeats, changing nothing", async () => {
    const unshipped = await order("paid");
    const unpaid = await order("unpaid");
    for (const o of [unshipped, unpaid]) {
      await expect(staff.admin.orders.archive({ orderId: o.id })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: "Only a shipped or cancelled order can be archived",
      });
    }
    await expect(staff.admin.orders.unarchive({ orderId: unshipped.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(staff.admin.orders.archive({ orderId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await shop.prisma.order.findMany({
      where: { id: { in: [unshipped.id, unpaid.id] } },
      select: { archivedAt: true, events: { where: { kind: "archive" }, select: { id: true } } },
    });
    expect(rows).toEqual([
      { archivedAt: null, events: [] },
      { archivedAt: null, events: [] },
    ]);

    const shipped = await order("shipped");
    await staff.admin.orders.archive({ orderId: shipped.id });
    await expect(staff.admin.orders.archive({ orderId: shipped.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The order is already archived",
    });
    expect(await auditOf(shipped.id)).toHaveLength(1);
  });

  it("archives a cancelled order, which stays cancelled when archived and when brought back", async () => {
    const o = await order("paid");
    await staff.admin.orders.cancel({ orderId: o.id, reason: "Out of stock" });
    const archived = await staff.admin.orders.archive({ orderId: o.id });
    expect(archived).toMatchObject({ state: "CANCELLED", paymentStatus: "REFUNDED" });
    expect(archived.archivedAt).not.toBeNull();
    expect(await listed("only")).toContain(o.id);
    expect(await staff.admin.orders.unarchive({ orderId: o.id })).toMatchObject({
      state: "CANCELLED",
      archivedAt: null,
    });
  });

  it("keeps an order with an open return, and a return request brings an archived order back", async () => {
    const o = await order("delivered");
    await staff.admin.orders.archive({ orderId: o.id });
    const view = await o.shopper.call((c) => c.orders.get({ number: o.number }));
    const line = view.items[0]?.id ?? 0;
    await o.shopper.call((c) =>
      c.orders.requestReturn({ number: o.number, items: [{ orderItemId: line, quantity: 1 }], reason: "Too big" }),
    );
    const after = await staff.admin.orders.get({ orderId: o.id });
    expect(after).toMatchObject({ archivedAt: null, canArchive: false });
    expect(after.events.filter((e) => e.kind === "archive").map((e) => [e.toStatus, e.actorType, e.message])).toEqual([
      ["ARCHIVED", "STAFF", null],
      ["UNARCHIVED", "CUSTOMER", "A return was requested"],
    ]);
    expect(await listed()).toContain(o.id);
    await expect(staff.admin.orders.archive({ orderId: o.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "An order with a return in progress cannot be archived",
    });
  });

  it("archives in bulk what may be archived and says why not for the rest", async () => {
    const done = await order("delivered");
    const waiting = await order("paid");
    const result = await staff.admin.orders.archiveMany({ orderIds: [done.id, waiting.id, 999_999] });
    expect(result).toEqual({
      archived: [done.id],
      skipped: [
        { orderId: waiting.id, reason: "Only a shipped or cancelled order can be archived" },
        { orderId: 999_999, reason: "Order not found" },
      ],
    });
    expect(await listed("only")).toContain(done.id);
    await expect(staff.admin.orders.archiveMany({ orderIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("archives fulfilled orders by themselves when an admin turns the setting on", async () => {
    const admin = (await callerFor(shop.prisma, { userId: adminId })).caller;
    await expect(staff.admin.orders.setSettings({ autoArchive: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await staff.admin.orders.settings()).toEqual({ autoArchive: false });
    expect(await admin.admin.orders.setSettings({ autoArchive: true })).toEqual({ autoArchive: true });
    expect(
      await shop.prisma.auditLog.findFirst({
        where: { action: "settings.orders" },
        select: { actorId: true, after: true },
      }),
    ).toEqual({ actorId: adminId, after: { autoArchive: true } });

    try {
      const unpaid = await order("paid");
      const shipped = await order("shipped");
      const row = await staff.admin.orders.get({ orderId: shipped.id });
      expect(row.archivedAt).not.toBeNull();
      expect(row.events.at(-1)).toMatchObject({
        kind: "archive",
        toStatus: "ARCHIVED",
        actorType: "SYSTEM",
        message: "Archived automatically once fulfilled",
      });
      expect((await staff.admin.orders.get({ orderId: unpaid.id })).archivedAt).toBeNull();
      // Delivery still reaches an order archived on shipping.
      expect(await staff.admin.orders.markDelivered({ orderId: shipped.id })).toMatchObject({
        fulfillmentStatus: "DELIVERED",
      });
    } finally {
      await admin.admin.orders.setSettings({ autoArchive: false });
    }
  });

  it("is for staff only", async () => {
    const o = await order("shipped");
    const customer = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "CUSTOMER" })).id })).caller;
    await expect(customer.admin.orders.archive({ orderId: o.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { id: o.id } })).archivedAt).toBeNull();
  });
});
