import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrder } from "./order-fixture.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("admin to-do counts", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF" })).id;
  });
  afterAll(() => shop.db.close());

  it("counts what the lists it links to show: paid orders, unpaid orders, low stock, held reviews, open returns, failed email", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const before = await caller.admin.todo.get();
    const buyer = await shop.make.user();
    const order = (paymentStatus: "PAID" | "PENDING", fulfillmentStatus: "UNFULFILLED" | "FULFILLED" = "UNFULFILLED") =>
      makeOrder(shop.prisma, buyer, { paymentStatus, fulfillmentStatus });
    await order("PAID");
    await order("PAID");
    await order("PENDING");
    const delivered = await order("PAID", "FULFILLED");
    // Requested, approved (parcel on its way) and received (refund due) still need staff; the others are done.
    for (const status of ["REQUESTED", "APPROVED", "RECEIVED", "REJECTED", "REFUNDED"] as const)
      await shop.prisma.return.create({ data: { orderId: delivered.id, status, reason: `Test ${status}` } });
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 0 }] });
    await shop.prisma.review.create({
      data: { productId: product.id, userId: buyer.id, rating: 4, title: "Held", body: "Waiting", status: "PENDING" },
    });
    await shop.prisma.emailOutbox.create({
      data: { to: buyer.email, subject: "S", text: "T", template: "test", status: "FAILED" },
    });

    const after = await caller.admin.todo.get();
    expect({
      toFulfil: after.toFulfil - before.toFulfil,
      awaitingPayment: after.awaitingPayment - before.awaitingPayment,
      lowStock: after.lowStock - before.lowStock,
      reviewsPending: after.reviewsPending - before.reviewsPending,
      returnsToProcess: after.returnsToProcess - before.returnsToProcess,
      emailsFailed: after.emailsFailed - before.emailsFailed,
    }).toEqual({
      toFulfil: 2,
      awaitingPayment: 1,
      lowStock: 1,
      reviewsPending: 1,
      returnsToProcess: 3,
      emailsFailed: 1,
    });

    // Each count equals the length of the list the home page opens.
    const paid = await caller.admin.orders.list({
      paymentStatus: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      limit: 100,
    });
    expect(paid.items).toHaveLength(after.toFulfil);
    const unpaid = await caller.admin.orders.list({ paymentStatus: "PENDING", limit: 100 });
    expect(unpaid.items).toHaveLength(after.awaitingPayment);
    const low = await caller.admin.inventory.list({ lowStock: true, limit: 100 });
    expect(low.items).toHaveLength(after.lowStock);
    const held = await caller.admin.reviews.list({ status: "PENDING", limit: 100 });
    expect(held.items).toHaveLength(after.reviewsPending);
    const open = await caller.admin.returns.list({ status: "OPEN", limit: 100 });
    expect(open.items).toHaveLength(after.returnsToProcess);
    expect(new Set(open.items.map((ret) => ret.status))).toEqual(new Set(["REQUESTED", "APPROVED", "RECEIVED"]));
    const failed = await caller.admin.mailbox.list({ status: "FAILED", limit: 100 });
    expect(failed.items).toHaveLength(after.emailsFailed);
  });
});
