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

  it("processes, ships (stock leaves, tracking emailed) and delivers, recording who did what", async () => {
    const order = await paidOrder("ship@example.com", [{ price: 2_000, quantity: 2 }]);
    const variantId = order.variants[0]?.id ?? 0;
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await caller.admin.orders.markProcessing({ orderId: order.id });
    const shipped = await caller.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1Z999" });
    expect(shipped).toMatchObject({ status: "SHIPPED", carrier: "UPS", trackingNumber: "1Z999" });
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
    const delivered = await caller.admin.orders.markDelivered({ orderId: order.id });
    expect(delivered.events.map((e) => [e.toStatus, e.actorType])).toEqual([
      ["PENDING_PAYMENT", "SYSTEM"],
      ["PAID", "SYSTEM"],
      ["PROCESSING", "STAFF"],
      ["SHIPPED", "STAFF"],
      ["DELIVERED", "STAFF"],
    ]);
    const movements = await shop.prisma.inventoryMovement.findMany({
      where: { orderId: order.id },
      select: { reason: true, delta: true, reservedDelta: true },
    });
    expect(movements).toEqual([
      { reason: "RESERVATION", delta: 0, reservedDelta: 2 },
      { reason: "SALE", delta: -2, reservedDelta: -2 },
    ]);
  });

  it("allows only the transitions of the status machine", async () => {
    const order = await paidOrder("machine@example.com", [{ price: 1_000, quantity: 1 }]);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await expect(caller.admin.orders.markDelivered({ orderId: order.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "An order that is paid cannot become delivered",
    });
    await caller.admin.orders.ship({ orderId: order.id, carrier: "DHL", trackingNumber: "JD0001" });
    await expect(caller.admin.orders.cancel({ orderId: order.id, reason: "Too late" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      order.guest.call((c) => c.orders.cancel({ number: order.number, key: order.key })),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("refunds chosen lines of a shipped order, restocking them, and marks it partially refunded", async () => {
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
    expect(refunded).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedTotal: 3_000 });
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
    expect(full).toMatchObject({ status: "REFUNDED", refundedTotal: order.total });
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
      status: "CANCELLED",
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
      (await caller.admin.orders.list({ status: "PAID", minTotal: order.total, maxTotal: order.total })).items.map(
        (o) => o.id,
      ),
    ).toEqual([order.id]);
    expect((await caller.admin.orders.list({ from: new Date(Date.now() + 86_400_000) })).items).toEqual([]);
  });
});
