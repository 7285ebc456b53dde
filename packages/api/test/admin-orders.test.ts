import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("staff running orders", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    staffId = (await shop.make.user({ role: "STAFF", name: "Sam Staff" })).id;
  });
  afterAll(() => shop.db.close());

  async function paidOrder(email: string, lines: Array<{ price: number; quantity: number }>) {
    const product = await shop.make.product({ variants: lines.map((line) => ({ price: line.price, stock: 10 })) });
    const guest = await guestShopper(shop.prisma);
    for (const [index, line] of lines.entries())
      await guest.call((c) => c.cart.add({ variantId: product.variants[index]?.id ?? 0, quantity: line.quantity }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { id: true, total: true },
    });
    return { ...order, variants: product.variants, guest, number: placed.order.number, key: placed.key };
  }

  it("ships (stock leaves, tracking emailed) and delivers, recording who did what", async () => {
    const order = await paidOrder("ship@example.com", [{ price: 2_000, quantity: 2 }]);
    const variantId = order.variants[0]?.id ?? 0;
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const shipped = await caller.admin.orders.ship({ orderId: order.id, carrier: "ups", trackingNumber: "1Z999" });
    expect(shipped).toMatchObject({ paymentStatus: "PAID", fulfillmentStatus: "FULFILLED", state: "OPEN" });
    expect(shipped.shipments).toMatchObject([
      {
        carrierName: "UPS",
        trackingNumber: "1Z999",
        status: "SHIPPED",
        trackingUrl: "https://www.ups.com/track?tracknum=1Z999",
        items: [{ orderItemId: shipped.items[0]?.id, quantity: 2 }],
      },
    ]);
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      }),
    ).toEqual({ stockOnHand: 8, reserved: 0 });
    const email = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { to: "ship@example.com", template: "order-shipped" },
    });
    expect(email.text).toContain("1Z999");
    expect(email.text).toContain("https://www.ups.com/track?tracknum=1Z999");
    const delivered = await caller.admin.orders.markDelivered({ orderId: order.id });
    expect(delivered.fulfillmentStatus).toBe("DELIVERED");
    expect(delivered.events.map((e) => [e.kind, e.toStatus, e.actorType])).toEqual([
      ["payment", "PENDING", "SYSTEM"],
      ["payment", "PAID", "SYSTEM"],
      ["fulfillment", "FULFILLED", "STAFF"],
      ["fulfillment", "DELIVERED", "STAFF"],
    ]);
    expect(
      await shop.prisma.auditLog.findMany({
        where: { entityType: "Order", entityId: String(order.id) },
        select: { action: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([{ action: "order.ship" }, { action: "order.deliver" }]);
    const movements = await shop.prisma.inventoryMovement.findMany({
      where: { orderId: order.id },
      select: { reason: true, delta: true, reservedDelta: true },
    });
    expect(movements).toEqual([
      { reason: "RESERVATION", delta: 0, reservedDelta: 2 },
      { reason: "SALE", delta: -2, reservedDelta: -2 },
    ]);
  });

  it("allows only the transitions of the status machines", async () => {
    const order = await paidOrder("machine@example.com", [{ price: 1_000, quantity: 1 }]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await expect(caller.admin.orders.markDelivered({ orderId: order.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "No parcel of this order is on its way",
    });
    await caller.admin.orders.ship({ orderId: order.id, carrier: "DHL", trackingNumber: "JD0001" });
    await expect(caller.admin.orders.cancel({ orderId: order.id, reason: "Too late" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      order.guest.call((c) => c.orders.cancel({ number: order.number, key: order.key })),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      caller.admin.orders.ship({ orderId: order.id, carrier: "DHL", trackingNumber: "JD0002" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "Nothing is left to ship on this order" });
  });

  it("delivers a shipped order after a partial goodwill refund, each status telling its own part", async () => {
    const order = await paidOrder("goodwill@example.com", [{ price: 4_000, quantity: 1 }]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await caller.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1ZGOODWILL" });
    const refunded = await caller.admin.orders.refund({
      orderId: order.id,
      amount: 1_000,
      restock: false,
      reason: "Late",
    });
    expect(refunded).toMatchObject({
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "FULFILLED",
      refundedTotal: 1_000,
    });
    const delivered = await caller.admin.orders.markDelivered({ orderId: order.id });
    expect(delivered).toMatchObject({
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "DELIVERED",
      state: "OPEN",
    });
    const mine = await order.guest.call((c) => c.orders.open({ number: order.number, key: order.key }));
    expect(mine).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED", fulfillmentStatus: "DELIVERED" });
  });

  it("ships an order in two parcels, each delivered on its own, with a link for known carriers only", async () => {
    const order = await paidOrder("parcels@example.com", [
      { price: 1_500, quantity: 2 },
      { price: 2_500, quantity: 1 },
    ]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const detail = await caller.admin.orders.get({ orderId: order.id });
    const [first, second] = detail.items;
    const one = await caller.admin.orders.ship({
      orderId: order.id,
      carrier: "DHL",
      trackingNumber: "JD014600",
      items: [{ orderItemId: first?.id ?? 0, quantity: 1 }],
    });
    expect(one.fulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    await expect(
      caller.admin.orders.ship({
        orderId: order.id,
        carrier: "DHL",
        trackingNumber: "JD014601",
        items: [{ orderItemId: first?.id ?? 0, quantity: 2 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const two = await caller.admin.orders.ship({
      orderId: order.id,
      carrier: "Local Courier",
      trackingNumber: "LC-77",
    });
    expect(two.fulfillmentStatus).toBe("FULFILLED");
    expect(two.shipments.map((s) => [s.carrierName, s.trackingUrl, s.items])).toEqual([
      [
        "DHL",
        "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id=JD014600",
        [{ orderItemId: first?.id, quantity: 1 }],
      ],
      [
        "Local Courier",
        null,
        [
          { orderItemId: first?.id, quantity: 1 },
          { orderItemId: second?.id, quantity: 1 },
        ].sort((a, b) => (a.orderItemId ?? 0) - (b.orderItemId ?? 0)),
      ],
    ]);
    expect(
      await shop.prisma.emailOutbox.count({ where: { to: "parcels@example.com", template: "order-shipped" } }),
    ).toBe(2);
    const [a, b] = two.shipments;
    const half = await caller.admin.orders.markShipmentDelivered({ orderId: order.id, shipmentId: a?.id ?? 0 });
    expect(half.fulfillmentStatus).toBe("FULFILLED");
    await expect(
      caller.admin.orders.markShipmentDelivered({ orderId: order.id, shipmentId: a?.id ?? 0 }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const all = await caller.admin.orders.markShipmentDelivered({ orderId: order.id, shipmentId: b?.id ?? 0 });
    expect(all.fulfillmentStatus).toBe("DELIVERED");
    expect(all.shipments.map((s) => s.status)).toEqual(["DELIVERED", "DELIVERED"]);
  });

  it("refunds chosen lines of a shipped order, restocking them; the payment status follows the money", async () => {
    const order = await paidOrder("lines@example.com", [
      { price: 3_000, quantity: 2 },
      { price: 1_000, quantity: 1 },
    ]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await caller.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1ZLINES" });
    const detail = await caller.admin.orders.get({ orderId: order.id });
    const pricey = detail.items.find((item) => item.unitPrice === 3_000);
    const refunded = await caller.admin.orders.refund({
      orderId: order.id,
      items: [{ orderItemId: pricey?.id ?? 0, quantity: 1 }],
      restock: true,
      reason: "Returned",
    });
    expect(refunded).toMatchObject({
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "FULFILLED",
      refundedTotal: 3_000,
    });
    expect(refunded.items.find((item) => item.id === pricey?.id)?.refundedQuantity).toBe(1);
    expect(
      (await shop.prisma.variant.findUniqueOrThrow({ where: { id: order.variants[0]?.id ?? 0 } })).stockOnHand,
    ).toBe(9);
    await expect(
      caller.admin.orders.refund({
        orderId: order.id,
        items: [{ orderItemId: pricey?.id ?? 0, quantity: 2 }],
        restock: false,
        reason: "Again",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const full = await caller.admin.orders.refund({ orderId: order.id, restock: false, reason: "Goodwill" });
    expect(full).toMatchObject({
      paymentStatus: "REFUNDED",
      fulfillmentStatus: "FULFILLED",
      refundedTotal: order.total,
    });
    expect(full.refunds.map((r) => [r.amount, r.status])).toEqual([
      [3_000, "SUCCEEDED"],
      [order.total - 3_000, "SUCCEEDED"],
    ]);
  });

  it("cancels a paid order for staff with a refund, giving the stock back, and keeps notes", async () => {
    const order = await paidOrder("staffcancel@example.com", [{ price: 5_000, quantity: 1 }]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await caller.admin.orders.addNote({ orderId: order.id, body: "Customer called to cancel" });
    const cancelled = await caller.admin.orders.cancel({ orderId: order.id, reason: "Customer request" });
    expect(cancelled).toMatchObject({
      state: "CANCELLED",
      paymentStatus: "REFUNDED",
      refundedTotal: order.total,
      notes: [{ body: "Customer called to cancel", author: { name: "Sam Staff" } }],
    });
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: order.variants[0]?.id ?? 0 },
        select: { reserved: true },
      }),
    ).toEqual({ reserved: 0 });
    expect(await shop.prisma.auditLog.count({ where: { action: "order.cancel", entityId: String(order.id) } })).toBe(1);
  });

  it("lists orders with filters and search by number or email", async () => {
    const order = await paidOrder("findme@example.com", [{ price: 7_777, quantity: 1 }]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    expect((await caller.admin.orders.list({ search: `#${order.number}` })).items.map((o) => o.id)).toEqual([order.id]);
    expect((await caller.admin.orders.list({ search: "FINDME" })).items.map((o) => o.id)).toEqual([order.id]);
    expect(
      (
        await caller.admin.orders.list({ paymentStatus: "PAID", minTotal: order.total, maxTotal: order.total })
      ).items.map((o) => o.id),
    ).toEqual([order.id]);
    expect((await caller.admin.orders.list({ from: new Date(Date.now() + 86_400_000) })).items).toEqual([]);
  });
});
