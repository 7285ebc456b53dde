import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/services/audit/record.ts";
import { makeOrder } from "./order-fixture.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("audit trail labels", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let adminId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    adminId = (await shop.make.user({ role: "ADMIN", email: "labels.admin@shop.test" })).id;
  });
  afterAll(() => shop.db.close());

  it("names each record as staff know it: order number, product name, customer email, coupon code", async () => {
    const customer = await shop.make.user({ email: "labelled.buyer@example.org" });
    const product = await shop.make.product({ name: "Labelled Lamp" });
    const order = await makeOrder(shop.prisma, customer, { number: 987_654 });
    const coupon = await shop.prisma.coupon.create({
      data: { code: "LABELS10", type: "PERCENTAGE", value: 10 },
      select: { id: true },
    });
    const actor = { id: adminId, email: "labels.admin@shop.test" };
    await recordAudit(shop.prisma, { actor, action: "labels.order", entityType: "Order", entityId: order.id });
    await recordAudit(shop.prisma, { actor, action: "labels.product", entityType: "Product", entityId: product.id });
    await recordAudit(shop.prisma, { actor, action: "labels.user", entityType: "User", entityId: customer.id });
    await recordAudit(shop.prisma, { actor, action: "labels.coupon", entityType: "Coupon", entityId: coupon.id });
    await recordAudit(shop.prisma, {
      actor,
      action: "labels.gone",
      entityType: "Product",
      entityId: 999_999,
      before: { name: "Deleted Lamp" },
    });

    const { caller } = await callerFor(shop.prisma, { userId: adminId });
    const { items } = await caller.admin.audit.list({ action: "labels." });
    const labels = Object.fromEntries(items.map((row) => [row.action, [row.entityLabel, row.entityExists]]));
    expect(order.id).not.toBe(987_654);
    expect(labels).toEqual({
      "labels.order": ["Order #987654", true],
      "labels.product": ["Labelled Lamp", true],
      "labels.user": ["labelled.buyer@example.org", true],
      "labels.coupon": ["Coupon LABELS10", true],
      "labels.gone": ["Deleted Lamp", false],
    });
  });
});
