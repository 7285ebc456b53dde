import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("returns (RMA)", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  let adminId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    staffId = (await shop.make.user({ role: "STAFF", name: "Sam Staff" })).id;
    adminId = (await shop.make.user({ role: "ADMIN", name: "Ada Admin" })).id;
  });
  afterAll(() => shop.db.close());

  /** A guest's paid order of 2 mugs and 1 plate, shipped (and delivered unless told not to). */
  async function deliveredOrder(email: string, deliver = true) {
    const product = await shop.make.product({
      variants: [
        { price: 2_000, stock: 10 },
        { price: 1_000, stock: 10 },
      ],
    });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 2 }));
    await guest.call((c) => c.cart.add({ variantId: product.variants[1]?.id ?? 0, quantity: 1 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } });
    await caller.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: `1Z${order.id}` });
    if (deliver) await caller.admin.orders.markDelivered({ orderId: order.id });
    const access = { number: placed.order.number, key: placed.key };
    const view = await guest.call((c) => c.orders.open(access));
    const [mug, plate] = view.items;
    return { order, guest, access, staff: caller, mug, plate, variants: product.variants };
  }

  const stockOf = async (variantId: number | undefined) =>
    (await shop.prisma.variant.findUniqueOrThrow({ where: { id: variantId ?? 0 } })).stockOnHand;

  it("a full return: requested, approved, received with restock, refunded; each step emailed and audited", async () => {
    const o = await deliveredOrder("returner@example.com");
    const opened = await o.guest.call((c) => c.orders.open(o.access));
    expect(opened.returnableUntil).toBeInstanceOf(Date);
    expect(opened.returnable).toEqual([
      { orderItemId: o.mug?.id, quantity: 2 },
      { orderItemId: o.plate?.id, quantity: 1 },
    ]);
    const requested = await o.guest.call((c) =>
      c.orders.requestReturn({
        ...o.access,
        items: [
          { orderItemId: o.mug?.id ?? 0, quantity: 2 },
          { orderItemId: o.plate?.id ?? 0, quantity: 1 },
        ],
        reason: "Wrong colour",
      }),
    );
    expect(requested.returns).toMatchObject([{ status: "REQUESTED", reason: "Wrong colour" }]);
    expect(requested.returnable).toEqual([]);
    const returnId = requested.returns[0]?.id ?? 0;

    await o.staff.admin.returns.approve({ returnId });
    const stockBefore = await stockOf(o.variants[0]?.id);
    await o.staff.admin.returns.receive({
      returnId,
      restock: [
        { orderItemId: o.mug?.id ?? 0, restock: true },
        { orderItemId: o.plate?.id ?? 0, restock: false },
      ],
    });
    expect(await stockOf(o.variants[0]?.id)).toBe(stockBefore + 2);
    const refunded = await o.staff.admin.returns.refund({ returnId });
    // The items' price comes back; shipping and tax stay, so the payment is partly refunded.
    expect(refunded).toMatchObject({
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "RETURNED",
      refundedTotal: 5_000,
      returns: [{ status: "REFUNDED", refund: { amount: 5_000, status: "SUCCEEDED" } }],
    });
    expect(refunded.returns[0]?.items).toEqual([
      { orderItemId: o.mug?.id, quantity: 2, restock: true },
      { orderItemId: o.plate?.id, quantity: 1, restock: false },
    ]);
    await expect(o.staff.admin.returns.refund({ returnId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const emails = await shop.prisma.emailOutbox.findMany({
      where: { to: "returner@example.com", template: { startsWith: "return-" } },
      select: { template: true },
      orderBy: { id: "asc" },
    });
    expect(emails.map((e) => e.template)).toEqual([
      "return-requested",
      "return-approved",
      "return-received",
      "return-refunded",
    ]);
    const audit = await shop.prisma.auditLog.findMany({
      where: { entityType: "Order", entityId: String(o.order.id), action: { startsWith: "order.return" } },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "order.return.approved",
      "order.return.received",
      "order.return.refunded",
      "order.returned",
    ]);
    const report = await o.staff.admin.reports.get({ report: "returns", preset: "7d" });
    expect(report.rows).toContainEqual(
      expect.objectContaining({ order: o.access.number, status: "Refunded", units: 3, refunded: 5_000 }),
    );
  });

  it("a partial refund of a returned line; a rejection says why", async () => {
    const o = await deliveredOrder("partial@example.com");
    const first = await o.guest.call((c) =>
      c.orders.requestReturn({ ...o.access, items: [{ orderItemId: o.mug?.id ?? 0, quantity: 1 }], reason: "Chipped" }),
    );
    expect(first.returnable).toEqual([
      { orderItemId: o.mug?.id, quantity: 1 },
      { orderItemId: o.plate?.id, quantity: 1 },
    ]);
    await expect(
      o.guest.call((c) =>
        c.orders.requestReturn({ ...o.access, items: [{ orderItemId: o.mug?.id ?? 0, quantity: 2 }], reason: "All" }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const returnId = first.returns[0]?.id ?? 0;
    await o.staff.admin.returns.approve({ returnId });
    await o.staff.admin.returns.receive({ returnId, restock: [] });
    const refunded = await o.staff.admin.returns.refund({ returnId, amount: 500 });
    expect(refunded).toMatchObject({
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "DELIVERED",
      refundedTotal: 500,
    });

    const second = await o.guest.call((c) =>
      c.orders.requestReturn({ ...o.access, items: [{ orderItemId: o.plate?.id ?? 0, quantity: 1 }], reason: "Meh" }),
    );
    const rejected = await o.staff.admin.returns.reject({ returnId: second.returns[1]?.id ?? 0, note: "Used" });
    expect(rejected.returns[1]).toMatchObject({ status: "REJECTED", staffNote: "Used" });
    await expect(o.staff.admin.returns.approve({ returnId: second.returns[1]?.id ?? 0 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const email = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { to: "partial@example.com", template: "return-rejected" },
    });
    expect(email.text).toContain("Why: Used");
  });

  it("only from a delivered order, within the window admins set", async () => {
    const shipped = await deliveredOrder("notyet@example.com", false);
    await expect(
      shipped.guest.call((c) =>
        c.orders.requestReturn({
          ...shipped.access,
          items: [{ orderItemId: shipped.mug?.id ?? 0, quantity: 1 }],
          reason: "Hmm",
        }),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "Only a delivered order can be returned" });

    const o = await deliveredOrder("late@example.com");
    const admin = (await callerFor(shop.prisma, { userId: adminId })).caller;
    await expect(o.staff.admin.returns.setWindow({ days: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.admin.returns.setWindow({ days: 0 });
    expect(await o.staff.admin.returns.window()).toEqual({ days: 0 });
    expect((await o.guest.call((c) => c.orders.open(o.access))).returnableUntil).toBeNull();
    await expect(
      o.guest.call((c) =>
        c.orders.requestReturn({ ...o.access, items: [{ orderItemId: o.mug?.id ?? 0, quantity: 1 }], reason: "Late" }),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "The time to return this order has passed" });
    await admin.admin.returns.setWindow({ days: 30 });
    expect(await shop.prisma.auditLog.count({ where: { action: "settings.returns", actorId: adminId } })).toBe(2);
    const stranger = await guestShopper(shop.prisma);
    await expect(
      stranger.call((c) =>
        c.orders.requestReturn({
          number: o.access.number,
          items: [{ orderItemId: o.mug?.id ?? 0, quantity: 1 }],
          reason: "Mine",
        }),
      ),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
