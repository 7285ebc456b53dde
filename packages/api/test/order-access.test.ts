import { OrderAccessSchema } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { callerFor, setupTestShop } from "./support.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";

// Order numbers are sequential: knowing one (and a guest's email) must not open an order. Only
// its signed-in owner, staff, or the holder of its secret link may see all of it or cancel it.

const KEY = /^[a-z2-7]{24}\.[a-z2-7]{32}$/;

describe("orders only by their owner or a secret link", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let variantId = 0;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    const product = await shop.make.product({ variants: [{ price: 2_500, stock: 100 }] });
    variantId = product.variants[0]?.id ?? 0;
  });
  afterAll(() => shop.db.close());

  async function guestOrder(email: string, pay = true) {
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    if (pay)
      await guest.call((c) =>
        c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
      );
    return { guest, placed, number: placed.order.number, key: placed.key };
  }

  it("the secret link is unguessable (160-bit secret from the CSPRNG) and only its hash is stored", async () => {
    const { key, number } = await guestOrder("hash@example.com");
    expect(key).toMatch(KEY);
    const [id, secret] = key.split(".");
    const stored = await shop.prisma.orderAccessToken.findUniqueOrThrow({ where: { id } });
    expect(stored.secretHash).toHaveLength(32);
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    // The confirmation email carries a link of its own that opens the order too.
    const email = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { template: "order-confirmed", to: "hash@example.com" },
    });
    const emailed = decodeURIComponent(new RegExp(`/orders/${number}#key=(\\S+)`).exec(email.text)?.[1] ?? "");
    expect(emailed).toMatch(KEY);
    const { caller } = await callerFor(shop.prisma);
    expect(await caller.orders.open({ number, key: emailed })).toMatchObject({ number, paymentStatus: "PAID" });
  });

  it("a lookup by number and email shows status and items only: no address, payment or email", async () => {
    const { number } = await guestOrder("lookup@example.com");
    const { caller } = await callerFor(shop.prisma, { request: { ip: "198.51.100.20" } });
    const found = await caller.orders.lookup({ number, email: "LOOKUP@example.com" });
    expect(Object.keys(found).sort()).toEqual([
      "fulfillmentStatus",
      "items",
      "number",
      "paymentStatus",
      "placedAt",
      "shippedAt",
      "state",
    ]);
    expect(found.paymentStatus).toBe("PAID");
    expect(Object.keys(found.items[0] ?? {}).sort()).toEqual([
      "imageUrl",
      "productName",
      "quantity",
      "slug",
      "variantTitle",
    ]);
    expect(JSON.stringify(found)).not.toMatch(/lookup@example\.com|Main St|Ada|4242|SUCCEEDED/);
  });

  it("a lookup never finds an account's order, whoever asks", async () => {
    const owner = await shop.make.user({ email: "account.owner@example.com" });
    const signedIn = await guestShopper(shop.prisma, { userId: owner.id });
    await signedIn.call((c) => c.cart.add({ variantId }));
    const placed = await signedIn.call((c) => c.checkout.placeOrder(checkoutInput({ email: undefined })));
    expect(placed.order.email).toBe("account.owner@example.com");
    for (const userId of [undefined, owner.id]) {
      const { caller } = await callerFor(shop.prisma, { userId, request: { ip: "198.51.100.21" } });
      await expect(
        caller.orders.lookup({ number: placed.order.number, email: "account.owner@example.com" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const { caller } = await callerFor(shop.prisma, { userId: owner.id });
    expect(await caller.orders.get({ number: placed.order.number })).toMatchObject({ email: owner.email });
  });

  it("number and email neither open nor cancel an order: only the owner, staff or the link's holder", async () => {
    const { number, key } = await guestOrder("cancel.me@example.com");
    const other = await guestOrder("someone.else@example.com");
    const anonymous = await callerFor(shop.prisma, { request: { ip: "198.51.100.22" } });
    await expect(anonymous.caller.orders.cancel({ number })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.caller.checkout.confirm({ number })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // An email is no way in: the input that names an order for acting on it has no room for one.
    expect(OrderAccessSchema.safeParse({ number, email: "cancel.me@example.com" }).success).toBe(false);
    await expect(anonymous.caller.orders.open({ number, key: other.key })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anonymous.caller.orders.cancel({ number, key: other.key })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [id] = key.split(".");
    await expect(anonymous.caller.orders.cancel({ number, key: `${id}.${"a".repeat(32)}` })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const stranger = await callerFor(shop.prisma, { userId: (await shop.make.user()).id });
    await expect(stranger.caller.orders.cancel({ number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { number } })).state).toBe("OPEN");

    const holder = await callerFor(shop.prisma);
    expect(await holder.caller.orders.cancel({ number, key })).toMatchObject({ state: "CANCELLED" });
    const staff = await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number: other.number } });
    await staff.caller.admin.orders.cancel({ orderId: order.id, reason: "Out of stock" });
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).state).toBe("CANCELLED");
  });

  it("an order placed before secret links existed has none, and its owner and staff still reach it", async () => {
    const { number } = await guestOrder("legacy@example.com");
    await shop.prisma.orderAccessToken.deleteMany({ where: { order: { number } } });
    const { caller } = await callerFor(shop.prisma, { request: { ip: "198.51.100.23" } });
    expect((await caller.orders.lookup({ number, email: "legacy@example.com" })).paymentStatus).toBe("PAID");
    const staff = await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number } });
    expect(await staff.caller.admin.orders.get({ orderId: order.id })).toMatchObject({ number });
  });

  it("lookups and key guesses are limited per IP", async () => {
    const { number } = await guestOrder("limited@example.com");
    const limits = createMemoryStore();
    const { caller } = await callerFor(shop.prisma, { limits, request: { ip: "198.51.100.24" } });
    for (let i = 0; i < 10; i++) {
      await expect(caller.orders.lookup({ number, email: `guess${i}@example.com` })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(caller.orders.lookup({ number, email: "limited@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(caller.orders.open({ number, key: `${"a".repeat(24)}.${"b".repeat(32)}` })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    const busy = await callerFor(shop.prisma, { limits, request: { ip: "198.51.100.25" } });
    for (let i = 0; i < 30; i++) await busy.caller.orders.lookup({ number, email: "limited@example.com" });
    await expect(busy.caller.orders.lookup({ number, email: "limited@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
