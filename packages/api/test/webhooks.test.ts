import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, type WebhookData, type WebhookEvent } from "@shop/webhooks";
import { moveReturn } from "../src/services/returns/transitions.ts";
import { claimDueWebhooks, deliverDueWebhooks } from "../src/services/webhooks/deliver.ts";
import { emitWebhook } from "../src/services/webhooks/emit.ts";
import { pruneWebhookHistory } from "../src/services/webhooks/prune.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";
import { startReceiver } from "./webhook-receiver.ts";

// Outgoing webhooks end to end: changes made through the API, the outbox written by the database
// in their transactions, the worker sending to a real HTTP receiver on loopback that verifies
// every signature and parses every payload with @shop/webhooks. The clock is passed in, so
// retries "an hour later" take no time.

const minutes = (n: number) => n * 60_000;

describe("outgoing webhooks", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Awaited<ReturnType<typeof callerFor>>["caller"];
  let adminId: number;
  let endpoint: { id: number; secret: string };
  const settings = { timeoutMs: 10_000, allowPrivate: true, publicUrl: "http://shop.test" };

  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    adminId = (await shop.make.user({ role: "ADMIN", email: "owner@example.com" })).id;
    admin = (await callerFor(shop.prisma, { userId: adminId, config: { webhookPrivateUrls: true } })).caller;
    receiver = await startReceiver(() => endpoint.secret);
    endpoint = await admin.admin.webhooks.create({ url: receiver.url, events: [...WEBHOOK_EVENT_TYPES] });
  });
  afterAll(async () => {
    await receiver.stop();
    await shop.db.close();
  });
  beforeEach(async () => {
    await drain();
    receiver.received.length = 0;
  });

  /** Runs the worker until nothing is due at `now`. */
  async function drain(now = new Date()) {
    let total = { sent: 0, failed: 0 };
    for (;;) {
      const round = await deliverDueWebhooks(shop.prisma, { ...settings, now });
      total = { sent: total.sent + round.sent, failed: total.failed + round.failed };
      if (round.sent + round.failed === 0) return total;
    }
  }

  const types = () => receiver.received.map(({ event }) => event.type);

  it("registers endpoints for admins only, shows the secret once and refuses private URLs by default", async () => {
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await admin.admin.webhooks.list();
    expect(listed[0]).toMatchObject({ url: receiver.url, enabled: true });
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);
    const strict = (await callerFor(shop.prisma, { userId: adminId })).caller;
    await expect(
      strict.admin.webhooks.create({ url: "http://127.0.0.1:9/x", events: ["order.paid"] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const staff = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id })).caller;
    await expect(staff.admin.webhooks.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("sends an order's life in order, signed and typed: created, paid, fulfilled, refunded", async () => {
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 10 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId, quantity: 2 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "hooks@example.com" })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } });
    await admin.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1ZHOOK" });
    await admin.admin.orders.refund({ orderId: order.id, amount: 500, restock: false, reason: "Scratched" });
    await drain();

    const ofOrder = receiver.received.filter(({ event }) => event.type.startsWith("order."));
    expect(ofOrder.map(({ event }) => event.type)).toEqual([
      "order.created",
      "order.paid",
      "order.fulfilled",
      "order.refunded",
    ]);
    expect(receiver.refused).toEqual([]);
    const [created, paid, fulfilled, refunded] = ofOrder.map(({ event }) => event);
    expect(created?.type === "order.created" && created.data.order).toMatchObject({
      number: placed.order.number,
      paymentStatus: "PENDING",
      email: "hooks@example.com",
      items: [{ variantId, quantity: 2, unitPrice: 2_000 }],
      shippingAddress: { city: "Austin" },
    });
    expect(paid?.type === "order.paid" && paid.data.order.paymentStatus).toBe("PAID");
    expect(fulfilled?.type === "order.fulfilled" && fulfilled.data.order.shipments).toMatchObject([
      { carrier: "UPS", trackingNumber: "1ZHOOK" },
    ]);
    expect(refunded?.type === "order.refunded" && refunded.data.refund).toMatchObject({
      amount: 500,
      reason: "Scratched",
    });
    for (const { event, eventIdHeader } of receiver.received) expect(eventIdHeader).toBe(event.id);
  });

  it("sends cancellations, low stock, new customers and product changes", async () => {
    const product = await shop.make.product({ name: "Hook Lamp", variants: [{ price: 1_000, stock: 6 }] });
    const variantId = product.variants[0]?.id ?? 0;
    await shop.prisma.product.update({ where: { id: product.id }, data: { name: "Hook Lamp II" } });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId, quantity: 2 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "cancel@example.com" })));
    await guest.call((c) => c.orders.cancel({ number: placed.order.number, key: placed.key }));
    await shop.make.user({ role: "CUSTOMER", email: "new-customer@example.com" });
    await shop.prisma.product.delete({ where: { id: product.id } });
    await drain();

    // In order per resource; resources are independent of each other.
    const of = (resource: string) =>
      receiver.received
        .filter(({ event }) => JSON.stringify(event.data).includes(resource))
        .map(({ event }) => event.type);
    expect(types().sort()).toEqual([
      "customer.created",
      "inventory.low_stock",
      "order.cancelled",
      "order.created",
      "product.created",
      "product.deleted",
      "product.updated",
    ]);
    expect(of('"email":"cancel@example.com"')).toEqual(["order.created", "order.cancelled"]);
    expect(of(`"slug":"${product.slug}"`)).toEqual(["product.created", "product.updated", "product.deleted"]);
    const byType = new Map(receiver.received.map(({ event }) => [event.type, event]));
    const created = byType.get("product.created");
    expect(created?.type === "product.created" && created.data.product).toMatchObject({
      name: "Hook Lamp",
      variants: [{ id: variantId, price: 1_000, available: 6 }],
    });
    const low = byType.get("inventory.low_stock");
    expect(low?.type === "inventory.low_stock" && low.data.variant).toMatchObject({
      id: variantId,
      available: 4,
      threshold: 5,
    });
    const customer = byType.get("customer.created");
    expect(customer?.type === "customer.created" && customer.data.customer.email).toBe("new-customer@example.com");
  });

  it("writes nothing for a change that rolls back, and one product.updated per transaction", async () => {
    const before = await shop.prisma.outgoingEvent.count();
    await expect(
      shop.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "rolled-back@example.com", name: "Nobody" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await shop.prisma.outgoingEvent.count()).toBe(before);

    const product = await shop.make.product({ variants: [{ price: 1_000 }, { price: 2_000 }] });
    await shop.prisma.$transaction(async (tx) => {
      await tx.product.update({ where: { id: product.id }, data: { description: "New words" } });
      await tx.variant.updateMany({ where: { productId: product.id }, data: { price: 1_500 } });
    });
    await drain();
    expect(types()).toEqual(["product.created", "product.updated"]);
  });

  it("sends what a crashed instance committed but never sent, and what it claimed but never finished", async () => {
    // Committed, then the process died before its worker ran: the next instance sends it.
    await shop.make.user({ role: "CUSTOMER", email: "crash-1@example.com" });
    // Committed and claimed, then the process died mid-send: the lease runs out, then it is sent.
    await shop.make.user({ role: "CUSTOMER", email: "crash-2@example.com" });
    const now = new Date();
    const claimedByTheDead = await claimDueWebhooks(shop.prisma, now, 1);
    expect(claimedByTheDead).toHaveLength(1);

    await drain(now);
    expect(types()).toEqual(["customer.created"]);
    await drain(new Date(now.getTime() + minutes(6)));
    const emails = receiver.received.map(({ event }) => event.type === "customer.created" && event.data.customer.email);
    expect(emails.sort()).toEqual(["crash-1@example.com", "crash-2@example.com"]);
  });

  it("retries with backoff while the receiver is down and delivers once it is back", async () => {
    await receiver.stop();
    await shop.make.user({ role: "CUSTOMER", email: "down@example.com" });
    const now = new Date();
    expect(await drain(now)).toEqual({ sent: 0, failed: 1 });
    const delivery = await shop.prisma.webhookDelivery.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    expect(delivery.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);

    expect(await drain(new Date(now.getTime() + 29_000))).toEqual({ sent: 0, failed: 0 });
    expect(await drain(new Date(now.getTime() + 31_000))).toEqual({ sent: 0, failed: 1 });
    await receiver.start();
    expect(await drain(new Date(now.getTime() + 31_000 + minutes(1) + 1_000))).toEqual({ sent: 1, failed: 0 });
    expect(types()).toEqual(["customer.created"]);
    const done = await shop.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(done).toMatchObject({
      status: "SUCCEEDED",
      attempts: 3,
      responseStatus: 200,
      responseBody: '{"received":true}',
    });
    expect((await admin.admin.webhooks.list())[0]).toMatchObject({ enabled: true, failingSince: null });
  });

  it("keeps one resource's events in order when the first fails, without holding up others", async () => {
    const product = await shop.make.product({ name: "First" });
    await shop.prisma.product.update({ where: { id: product.id }, data: { name: "Second" } });
    await shop.make.user({ role: "CUSTOMER", email: "unrelated@example.com" });
    receiver.failNext("product.created");
    const now = new Date();
    expect(await drain(now)).toEqual({ sent: 1, failed: 1 });
    expect(types()).toEqual(["customer.created"]);
    await drain(new Date(now.getTime() + 31_000));
    expect(types()).toEqual(["customer.created", "product.created", "product.updated"]);
    const failed = await shop.prisma.webhookDelivery.findFirstOrThrow({
      where: { event: { type: "product.created", resource: `product:${product.id}` } },
    });
    expect(failed).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("redelivers on demand with the same event id, so a receiver can tell it has it", async () => {
    await shop.make.user({ role: "CUSTOMER", email: "earlier@example.com" });
    await shop.make.user({ role: "CUSTOMER", email: "again@example.com" });
    await drain();
    receiver.received.length = 0;
    const { items, nextCursor } = await admin.admin.webhooks.deliveries({
      endpointId: endpoint.id,
      cursor: null,
      limit: 1,
    });
    const older = await admin.admin.webhooks.deliveries({ endpointId: endpoint.id, cursor: nextCursor, limit: 1 });
    expect(older.items[0]?.id).toBeLessThan(items[0]?.id ?? 0);
    const [latest] = items;
    expect(latest).toMatchObject({ type: "customer.created", status: "SUCCEEDED", responseStatus: 200 });
    await admin.admin.webhooks.redeliver({ deliveryId: latest?.id ?? 0 });
    await drain();
    // Sent before, and now again under the same id; still one delivery row.
    expect(receiver.received.map(({ event }) => event.id)).toEqual([latest?.eventId]);
    expect(await shop.prisma.webhookDelivery.count({ where: { eventId: latest?.eventId } })).toBe(1);
  });

  it("sends an event for other code through emitWebhook (returns), and none with no endpoint for it", async () => {
    const data: WebhookData<"return.requested"> = {
      return: {
        id: 7,
        orderId: 1,
        orderNumber: 1001,
        status: "REQUESTED",
        reason: "Too small",
        items: [{ orderItemId: 1, sku: "SKU-1", quantity: 1 }],
        refundAmount: null,
        currency: "USD",
      },
    };
    await shop.prisma.$transaction((tx) => emitWebhook(tx, "return.requested", "return:7", data));
    await drain();
    expect(receiver.received.map(({ event }) => event.type === "return.requested" && event.data)).toEqual([data]);

    await admin.admin.webhooks.update({ id: endpoint.id, events: ["order.paid"] });
    const before = await shop.prisma.outgoingEvent.count();
    await shop.make.user({ role: "CUSTOMER", email: "unsubscribed@example.com" });
    expect(await shop.prisma.outgoingEvent.count()).toBe(before);
    await admin.admin.webhooks.update({ id: endpoint.id, events: [...WEBHOOK_EVENT_TYPES] });
  });

  it("sends each step of a return once, in order, with its payload; nothing for a step rolled back", async () => {
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 10, sku: "HOOK-RET" }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 3 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "return-hook@example.com" })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } });
    await admin.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1ZRETURN" });
    await admin.admin.orders.markDelivered({ orderId: order.id });
    const access = { number: placed.order.number, key: placed.key };
    const line = (await guest.call((c) => c.orders.open(access))).items[0]?.id ?? 0;
    const ask = (quantity: number, reason: string) =>
      guest.call((c) => c.orders.requestReturn({ ...access, items: [{ orderItemId: line, quantity }], reason }));
    await ask(2, "Too small");
    const [kept, refused] = (await ask(1, "Changed my mind")).returns.map((r) => r.id);
    const returnId = kept ?? 0;

    // A step whose transaction fails leaves no event behind.
    const countOf = () => shop.prisma.outgoingEvent.count({ where: { resource: `return:${returnId}` } });
    expect(await countOf()).toBe(1);
    await expect(
      shop.prisma.$transaction(async (tx) => {
        const actor = { type: "STAFF" as const, id: adminId, email: "owner@example.com" };
        await moveReturn(tx, { id: returnId, orderId: order.id, status: "REQUESTED" }, "APPROVED", actor, {
          publicUrl: settings.publicUrl,
        });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await countOf()).toBe(1);

    await admin.admin.returns.approve({ returnId });
    // A second click changes nothing and sends nothing.
    await expect(admin.admin.returns.approve({ returnId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await admin.admin.returns.reject({ returnId: refused ?? 0, note: "Outside policy" });
    await admin.admin.returns.receive({ returnId, restock: [{ orderItemId: line, restock: true }] });
    await admin.admin.returns.refund({ returnId, amount: 3_000 });
    await drain();

    expect(receiver.refused).toEqual([]);
    const isReturn = (event: WebhookEvent) =>
      event.type === "return.requested" ||
      event.type === "return.approved" ||
      event.type === "return.rejected" ||
      event.type === "return.received" ||
      event.type === "return.refunded"
        ? [{ type: event.type, ...event.data.return }]
        : [];
    const events = receiver.received.flatMap(({ event }) => isReturn(event));
    const of = (id: number | undefined) => events.filter((event) => event.id === id);
    expect(of(returnId).map(({ type, status, refundAmount }) => [type, status, refundAmount])).toEqual([
      ["return.requested", "REQUESTED", null],
      ["return.approved", "APPROVED", null],
      ["return.received", "RECEIVED", null],
      ["return.refunded", "REFUNDED", 3_000],
    ]);
    expect(of(returnId).at(-1)).toEqual({
      type: "return.refunded",
      id: returnId,
      orderId: order.id,
      orderNumber: placed.order.number,
      status: "REFUNDED",
      reason: "Too small",
      items: [{ orderItemId: line, sku: "HOOK-RET", quantity: 2 }],
      refundAmount: 3_000,
      currency: "USD",
    });
    expect(of(refused).map(({ type, status }) => [type, status])).toEqual([
      ["return.requested", "REQUESTED"],
      ["return.rejected", "REJECTED"],
    ]);
    // Written once each: one event row per step, each delivered once.
    expect(await countOf()).toBe(4);
    expect(new Set(receiver.received.map(({ event }) => event.id)).size).toBe(receiver.received.length);
  });

  it("sends each event once with two instances at it, one resource's events still in order", async () => {
    const products = [];
    for (let n = 0; n < 6; n++) products.push(await shop.make.product({ name: `Race ${n}` }));
    for (const product of products) {
      await shop.prisma.product.update({ where: { id: product.id }, data: { name: `${product.name} renamed` } });
    }
    const now = new Date();
    // Two workers as two instances would run them, each claiming on its own connection.
    const instance = async () => {
      let total = 0;
      for (;;) {
        const round = await deliverDueWebhooks(shop.prisma, { ...settings, now, limit: 3 });
        total += round.sent + round.failed;
        if (round.sent + round.failed === 0) return total;
      }
    };
    const [a, b] = await Promise.all([instance(), instance()]);
    expect(a + b).toBe(12);
    const ids = receiver.received.map(({ event }) => event.id);
    expect(new Set(ids).size).toBe(12);
    expect(ids).toHaveLength(12);
    for (const product of products) {
      const mine = receiver.received.filter(
        ({ event }) =>
          (event.type === "product.created" || event.type === "product.updated") &&
          event.data.product.id === product.id,
      );
      expect(mine.map(({ event }) => event.type)).toEqual(["product.created", "product.updated"]);
    }
  });

  it("refuses to send to a private address, by IP or by name, unless allowed", async () => {
    await shop.make.user({ role: "CUSTOMER", email: "ssrf@example.com" });
    const now = new Date();
    const strict = { ...settings, allowPrivate: false };
    expect(await deliverDueWebhooks(shop.prisma, { ...strict, now })).toEqual({ sent: 0, failed: 1 });
    const delivery = await shop.prisma.webhookDelivery.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(delivery.lastError).toMatch(/127\.0\.0\.1 is a private address/);

    await admin.admin.webhooks.update({ id: endpoint.id, url: receiver.url.replace("127.0.0.1", "localhost") });
    const later = new Date(now.getTime() + minutes(1));
    expect(await deliverDueWebhooks(shop.prisma, { ...strict, now: later })).toEqual({ sent: 0, failed: 1 });
    const again = await shop.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(again.lastError).toMatch(/localhost resolves to a private address/);
    expect(receiver.received).toEqual([]);
    await admin.admin.webhooks.update({ id: endpoint.id, url: receiver.url });
    await drain(new Date(now.getTime() + minutes(3)));
  });

  it("counts a redirect, an error status and no answer in time as failures to retry", async () => {
    const pendingEvent = async (email: string) => {
      await shop.make.user({ role: "CUSTOMER", email });
      const event = await shop.prisma.outgoingEvent.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      return event.id;
    };
    const redirect = await pendingEvent("redirect@example.com");
    receiver.failNext(redirect, 302);
    const teapot = await pendingEvent("teapot@example.com");
    receiver.failNext(teapot, 418);
    expect(await drain()).toEqual({ sent: 0, failed: 2 });
    // Alone, with a short timeout: the receiver never answers this one.
    const silent = await pendingEvent("silent@example.com");
    receiver.failNext(silent, 0);
    expect(await deliverDueWebhooks(shop.prisma, { ...settings, timeoutMs: 300 })).toEqual({ sent: 0, failed: 1 });
    const errors = await shop.prisma.webhookDelivery.findMany({
      where: { eventId: { in: [redirect, teapot, silent] } },
      orderBy: { id: "asc" },
      select: { status: true, responseStatus: true, lastError: true },
    });
    expect(errors).toEqual([
      { status: "PENDING", responseStatus: 302, lastError: "HTTP 302" },
      { status: "PENDING", responseStatus: 418, lastError: "HTTP 418" },
      { status: "PENDING", responseStatus: null, lastError: "no answer within 300 ms" },
    ]);
    expect(receiver.received).toEqual([]);
    await drain(new Date(Date.now() + minutes(1)));
    expect(receiver.received).toHaveLength(3);
  });

  it("switches an endpoint off after a day of failures and tells every admin", async () => {
    await receiver.stop();
    await shop.make.user({ role: "CUSTOMER", email: "day@example.com" });
    const start = new Date(Date.now() + minutes(1));
    await drain(start);
    const dayLater = new Date(start.getTime() + minutes(24 * 60 + 5));
    await drain(dayLater);
    const [disabled] = await admin.admin.webhooks.list();
    expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/24 hours/) });
    expect(disabled?.disabledAt).not.toBeNull();
    const alert = await shop.prisma.emailOutbox.findFirstOrThrow({ where: { template: "webhook-disabled" } });
    expect(alert).toMatchObject({ to: "owner@example.com", subject: `Webhook endpoint disabled: ${receiver.url}` });
    expect(await shop.prisma.webhookDelivery.count({ where: { status: "FAILED" } })).toBeGreaterThan(0);
    const recorded = await shop.prisma.webhookDelivery.count();
    await shop.make.user({ role: "CUSTOMER", email: "while-off@example.com" });
    expect(await shop.prisma.webhookDelivery.count()).toBe(recorded);

    await receiver.start();
    await admin.admin.webhooks.update({ id: endpoint.id, enabled: true });
    expect((await admin.admin.webhooks.get({ id: endpoint.id })).disabledAt).toBeNull();
  });

  it("deletes finished events after 30 days, keeping any with a delivery still pending", async () => {
    const events = await shop.prisma.outgoingEvent.count();
    const pending = await shop.prisma.outgoingEvent.count({ where: { deliveries: { some: { status: "PENDING" } } } });
    expect(events).toBeGreaterThan(pending);
    expect(await pruneWebhookHistory(shop.prisma, new Date(Date.now() + 29 * 24 * 60 * 60_000))).toBe(0);
    const pruned = await pruneWebhookHistory(shop.prisma, new Date(Date.now() + 31 * 24 * 60 * 60_000), 10_000);
    expect(pruned).toBe(events - pending);
    expect(await shop.prisma.outgoingEvent.count()).toBe(pending);
  });
});
