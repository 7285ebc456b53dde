import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrder, makeRefund, summaryAgainstRebuild } from "./reports-fixtures.ts";
import { setupTestShop } from "./support.ts";

// Concurrent payments and refunds on the same local day (on PostgreSQL, where transactions
// really overlap): each transaction holds its day for a while after its trigger ran, so the
// others must wait and then recompute with what it committed, or the summary would lose orders.
describe("sales summary under concurrency", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 8 });
  });
  afterAll(() => shop.db.close());

  it("counts every one of many simultaneous payments and refunds", async () => {
    const { prisma, make } = shop;
    const product = await make.product({ variants: [{ price: 1_000, stock: 50 }] });
    const line = { productId: product.id, variantId: product.variants[0]?.id ?? 0, unitPrice: 1_000, quantity: 1 };
    const pending = await Promise.all(
      Array.from({ length: 8 }, (_, i) => makeOrder(prisma, { email: `racer${i}@example.com`, status: "PENDING_PAYMENT", paidAt: null, lines: [line] })),
    );
    const paid = await makeOrder(prisma, { email: "refunded@example.com", status: "DELIVERED", paidAt: "2026-05-01T10:00:00Z", lines: [line] });
    await Promise.all([
      ...pending.map((order, i) =>
        prisma.$transaction(async (tx) => {
          await tx.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date(`2026-05-02T1${i}:00:00Z`) } });
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
        }),
      ),
      ...[100, 200, 300].map((amount) =>
        prisma.$transaction(async (tx) => {
          await makeRefund(tx, paid, { amount, at: "2026-05-02T12:00:00Z" });
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
        }),
      ),
    ]);
    const day = await prisma.salesDay.findUniqueOrThrow({ where: { day: new Date("2026-05-02") }, select: { orders: true, total: true, refunds: true, refundCount: true } });
    expect(day).toEqual({ orders: 8, total: 8 * (1_000 + 0), refunds: 600, refundCount: 3 });
    const { kept, rebuilt } = await summaryAgainstRebuild(prisma);
    expect(kept).toEqual(rebuilt);
  });
});
