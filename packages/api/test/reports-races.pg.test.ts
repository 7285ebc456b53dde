import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrder, makeRefund, summaryAgainstRebuild } from "./reports-fixtures.ts";
import { setupTestShop } from "./support.ts";

// Concurrent payments and refunds on a day that already has sales (on PostgreSQL, where
// transactions really overlap): each one holds its transaction open after its trigger ran, so
// increments to the same summary rows overlap; none may be lost (or trip over another's new
// product row). The second case fails if the refund trigger does not lock the order.
describe("sales summary under concurrency", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;

  /** Each statement in its own transaction on its own connection, held open after it ran. */
  async function overlapping(statements: Array<{ text: string; values: unknown[]; delayMs?: number }>) {
    const clients = statements.map(() => new pg.Client({ connectionString: shop.db.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      await Promise.all(
        statements.map(async (statement, i) => {
          const client = clients[i];
          if (!client) return;
          await new Promise((resolve) => setTimeout(resolve, statement.delayMs ?? 0));
          await client.query("BEGIN");
          await client.query(statement.text, statement.values);
          await client.query("SELECT pg_sleep(0.1)");
          await client.query("COMMIT");
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }

  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("counts every one of many simultaneous payments and refunds", async () => {
    const { prisma, make } = shop;
    const product = await make.product({ variants: [{ price: 1_000, stock: 50 }] });
    const line = { productId: product.id, variantId: product.variants[0]?.id ?? 0, unitPrice: 1_000, quantity: 1 };
    const earlier = await makeOrder(prisma, {
      email: "early@example.com",
      status: "DELIVERED",
      paidAt: "2026-05-02T08:00:00Z",
      lines: [line],
    });
    const pending = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeOrder(prisma, { email: `racer${i}@example.com`, status: "PENDING_PAYMENT", paidAt: null, lines: [line] }),
      ),
    );
    const refunds = await Promise.all(
      [100, 200, 300].map((amount) =>
        makeRefund(prisma, earlier, { amount, at: "2026-05-02T12:00:00Z", status: "PENDING" }),
      ),
    );

    const statements = [
      ...pending.map((order, i) => ({
        text: `UPDATE "Order" SET "paymentStatus" = 'PAID', "paidAt" = $1 WHERE "id" = $2`,
        values: [`2026-05-02 1${i}:00:00`, order.id],
      })),
      ...refunds.map((refund) => ({
        text: `UPDATE "Refund" SET "status" = 'SUCCEEDED' WHERE "id" = $1`,
        values: [refund.id],
      })),
    ];
    await overlapping(statements);

    // The day's shards summed, as the reports read them.
    const { _sum: day } = await prisma.salesDay.aggregate({
      where: { day: new Date("2026-05-02") },
      _sum: { orders: true, total: true, units: true, refunds: true, refundCount: true },
    });
    expect(day).toEqual({ orders: 7, units: 7, total: 7_000, refunds: 600, refundCount: 3 });
    const { kept, rebuilt } = await summaryAgainstRebuild(prisma);
    expect(kept).toEqual(rebuilt);
  });

  it("drops a refund that succeeds while its order is being cancelled", async () => {
    const { prisma, make } = shop;
    const product = await make.product({ variants: [{ price: 2_000, stock: 5 }] });
    const line = { productId: product.id, variantId: product.variants[0]?.id ?? 0, unitPrice: 2_000, quantity: 1 };
    const order = await makeOrder(prisma, {
      email: "cancel@example.com",
      status: "PAID",
      paidAt: "2026-06-03T10:00:00Z",
      lines: [line],
    });
    const refund = await makeRefund(prisma, order, { amount: 700, at: "2026-06-04T10:00:00Z", status: "PENDING" });
    await overlapping([
      { text: `UPDATE "Order" SET "state" = 'CANCELLED' WHERE "id" = $1`, values: [order.id] },
      { text: `UPDATE "Refund" SET "status" = 'SUCCEEDED' WHERE "id" = $1`, values: [refund.id], delayMs: 30 },
    ]);
    const days = await prisma.salesDay.findMany({
      where: { day: { in: [new Date("2026-06-03"), new Date("2026-06-04")] } },
      select: { orders: true, refunds: true },
    });
    expect(days.every((day) => day.orders === 0 && day.refunds === 0)).toBe(true);
    const { kept, rebuilt } = await summaryAgainstRebuild(prisma);
    expect(kept).toEqual(rebuilt);
  });
});
