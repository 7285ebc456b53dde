import type { PrismaClient } from "@shop/db";
import { lowStockCount } from "../inventory/low-stock.ts";
import { returnsWhere } from "../returns/list.ts";

/**
 * What needs someone today, counted with the same conditions as the lists the home page links
 * to, so a count and the list it opens agree: paid orders with nothing shipped yet, orders waiting for payment,
 * variants at or below their threshold, reviews held for approval, returns still to decide, receive or refund,
 * emails that failed to send.
 */
export async function todoCounts(db: PrismaClient) {
  const [toFulfil, awaitingPayment, lowStock, reviewsPending, returnsToProcess, emailsFailed] = await Promise.all([
    db.order.count({ where: { paymentStatus: "PAID", fulfillmentStatus: "UNFULFILLED" } }),
    db.order.count({ where: { paymentStatus: "PENDING" } }),
    lowStockCount(db),
    db.review.count({ where: { status: "PENDING" } }),
    db.return.count({ where: returnsWhere("OPEN") }),
    db.emailOutbox.count({ where: { status: "FAILED" } }),
  ]);
  return { toFulfil, awaitingPayment, lowStock: lowStock.count, reviewsPending, returnsToProcess, emailsFailed };
}
