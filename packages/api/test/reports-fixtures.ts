import type { FulfillmentStatus, OrderPaymentStatus, OrderState, PrismaClient } from "@shop/db";

/** What happened to a fixture order, in one word; each sets the order's three statuses. */
export type Outcome =
  "PENDING_PAYMENT" | "PAID" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED" | "PARTIALLY_REFUNDED";

const statusesOf = (
  outcome: Outcome,
): { paymentStatus: OrderPaymentStatus; fulfillmentStatus: FulfillmentStatus; state: OrderState } => ({
  paymentStatus:
    outcome === "PENDING_PAYMENT"
      ? "PENDING"
      : outcome === "REFUNDED" || outcome === "PARTIALLY_REFUNDED"
        ? outcome
        : outcome === "CANCELLED"
          ? "VOIDED"
          : "PAID",
  fulfillmentStatus: outcome === "SHIPPED" ? "FULFILLED" : outcome === "DELIVERED" ? "DELIVERED" : "UNFULFILLED",
  state: outcome === "CANCELLED" ? "CANCELLED" : "OPEN",
});

let counter = 0;

export type Line = { productId: number; variantId: number; unitPrice: number; quantity: number; discount?: number };

/**
 * An order written directly with known amounts (the CHECK that the total adds up holds), with its
 * payment, so reports can be checked to the cent without going through checkout.
 */
export async function makeOrder(
  db: PrismaClient,
  input: {
    email: string;
    userId?: number;
    status: Outcome;
    paidAt: string | null;
    lines: Line[];
    shipping?: number;
    tax?: number;
    couponId?: number;
    couponCode?: string;
  },
) {
  const subtotal = input.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const discount = input.lines.reduce((sum, line) => sum + (line.discount ?? 0), 0);
  const shipping = input.shipping ?? 0;
  const tax = input.tax ?? 0;
  const total = subtotal - discount + shipping + tax;
  const paidAt = input.paidAt ? new Date(input.paidAt) : null;
  const id = ++counter;
  return db.order.create({
    data: {
      email: input.email,
      userId: input.userId ?? null,
      ...statusesOf(input.status),
      currency: "USD",
      subtotal,
      discountTotal: discount,
      shippingTotal: shipping,
      taxTotal: tax,
      total,
      couponId: input.couponId ?? null,
      couponCode: input.couponCode ?? null,
      shippingMethodName: "Standard",
      placedAt: paidAt ?? new Date(),
      paidAt,
      items: {
        create: input.lines.map((line, index) => ({
          productId: line.productId,
          variantId: line.variantId,
          productName: `Line ${index}`,
          sku: `R-${id}-${index}`,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          discountAmount: line.discount ?? 0,
          taxAmount: index === 0 ? tax : 0,
          total: line.unitPrice * line.quantity - (line.discount ?? 0),
        })),
      },
      payments: {
        create: {
          provider: "test",
          providerRef: `report-${id}-${Date.now()}`,
          status: paidAt ? "SUCCEEDED" : "PENDING",
          amount: total,
          currency: "USD",
          capturedAmount: paidAt ? total : 0,
        },
      },
    },
    select: {
      id: true,
      number: true,
      total: true,
      payments: { select: { id: true } },
      items: { select: { id: true } },
    },
  });
}

export async function makeRefund(
  db: Pick<PrismaClient, "refund">,
  order: { id: number; payments: Array<{ id: number }> },
  input: { amount: number; at: string; status?: "SUCCEEDED" | "FAILED" | "PENDING"; reason?: string },
) {
  const paymentId = order.payments[0]?.id;
  if (paymentId === undefined) throw new Error("order without payment");
  return db.refund.create({
    data: {
      paymentId,
      orderId: order.id,
      amount: input.amount,
      currency: "USD",
      status: input.status ?? "SUCCEEDED",
      reason: input.reason ?? "Returned",
      idempotencyKey: `report-refund-${++counter}-${Date.now()}`,
      createdAt: new Date(input.at),
    },
    select: { id: true },
  });
}

/** The summary tables as they are, and as a from-scratch rebuild makes them (rolled back), row for row (shards included). */
export async function summaryAgainstRebuild(db: PrismaClient) {
  const read = async (tx: Pick<PrismaClient, "$queryRaw">) => ({
    days: (
      await tx.$queryRaw<unknown[]>`
      SELECT to_char("day", 'YYYY-MM-DD') AS day, "shard", "orders", "units", "subtotal", "discount", "shipping", "tax", "total", "refunds", "refundCount"
        FROM "SalesDay" WHERE "orders" > 0 OR "refundCount" > 0 ORDER BY "day", "shard"`
    ).map((row) => JSON.stringify(row)),
    products: (
      await tx.$queryRaw<unknown[]>`
      SELECT to_char("day", 'YYYY-MM-DD') AS day, "productId", "shard", "units", "revenue", "orders" FROM "SalesDayProduct" ORDER BY 1, 2, 3`
    ).map((row) => JSON.stringify(row)),
  });
  const kept = await read(db);
  let rebuilt: typeof kept = { days: [], products: [] };
  await db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT shop_sales_rebuild()`;
      rebuilt = await read(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return { kept, rebuilt };
}

class Rollback extends Error {}
