import type { Database } from "../src/client.ts";

/** What a restore must bring back: every order with its money, status and lines. */
export async function orderSnapshot(db: Database) {
  return db.prisma.order.findMany({
    orderBy: { number: "asc" },
    select: {
      number: true,
      paymentStatus: true,
      fulfillmentStatus: true,
      state: true,
      total: true,
      email: true,
      placedAt: true,
      items: { orderBy: { id: "asc" }, select: { sku: true, quantity: true, unitPrice: true } },
    },
  });
}
