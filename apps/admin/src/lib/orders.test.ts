import { describe, expect, it } from "vitest";
import { lineRefundAmount, orderActions, refundableAmount, type Order } from "./orders.ts";

type Payment = Order["payments"][number];
type Refund = Order["refunds"][number];
const payment = (captured: number, refunded = 0, status: Payment["status"] = "SUCCEEDED"): Payment => ({
  id: 1,
  provider: "test",
  status,
  amount: captured,
  capturedAmount: captured,
  refundedAmount: refunded,
  failureReason: null,
});
const refund = (amount: number, status: Refund["status"]): Refund => ({
  id: 1,
  amount,
  status,
  reason: null,
  createdAt: new Date(),
  actor: null,
});
type Item = Order["items"][number];
type Shipment = Order["shipments"][number];
const line = (shipped: number, refunded = 0): Item => ({
  id: 1,
  productName: "Mug",
  variantTitle: "",
  sku: "MUG",
  unitPrice: 2500,
  quantity: 2,
  discountAmount: 0,
  taxAmount: 0,
  total: 5000,
  refundedQuantity: refunded,
  shippedQuantity: shipped,
  slug: null,
  imageUrl: null,
});
const parcel = (status: Shipment["status"]): Shipment => ({
  id: 1,
  carrierName: "UPS",
  trackingNumber: "1Z1",
  status,
  shippedAt: new Date(),
  deliveredAt: null,
  items: [],
  trackingUrl: null,
});
type Statuses = Pick<Order, "paymentStatus" | "fulfillmentStatus" | "state">;
const order = (
  statuses: Statuses,
  more: { payments?: Payment[]; refunds?: Refund[]; items?: Item[]; shipments?: Shipment[] } = {},
) => ({
  ...statuses,
  payments: more.payments ?? [payment(5000)],
  refunds: more.refunds ?? [],
  items: more.items ?? [line(0)],
  shipments: more.shipments ?? [],
});
const paid: Statuses = { paymentStatus: "PAID", fulfillmentStatus: "UNFULFILLED", state: "OPEN" };

describe("order actions", () => {
  it("offer what each status allows", () => {
    expect(
      orderActions(order({ ...paid, paymentStatus: "PENDING" }, { payments: [payment(0, 0, "PENDING")] })),
    ).toEqual({ ship: false, markDelivered: false, cancel: true, refund: false, restock: false });
    expect(orderActions(order(paid))).toEqual({
      ship: true,
      markDelivered: false,
      cancel: true,
      refund: true,
      restock: false,
    });
    const partly = order(
      { ...paid, fulfillmentStatus: "PARTIALLY_FULFILLED" },
      { items: [line(1)], shipments: [parcel("SHIPPED")] },
    );
    expect(orderActions(partly)).toEqual({
      ship: true,
      markDelivered: true,
      cancel: false,
      refund: true,
      restock: true,
    });
  });

  it("let a partly refunded shipped order still be delivered", () => {
    const shipped = order(
      { paymentStatus: "PARTIALLY_REFUNDED", fulfillmentStatus: "FULFILLED", state: "OPEN" },
      { payments: [payment(5000, 1000)], items: [line(2)], shipments: [parcel("SHIPPED")] },
    );
    expect(orderActions(shipped)).toEqual({
      ship: false,
      markDelivered: true,
      cancel: false,
      refund: true,
      restock: true,
    });
  });

  it("offer nothing on a cancelled attempt", () => {
    const cancelled = order(
      { paymentStatus: "FAILED", fulfillmentStatus: "UNFULFILLED", state: "CANCELLED" },
      { payments: [payment(0, 0, "FAILED")] },
    );
    expect(Object.values(orderActions(cancelled)).some(Boolean)).toBe(false);
  });

  it("offers no refund once everything was refunded or is on its way", () => {
    const delivered: Statuses = { paymentStatus: "PARTIALLY_REFUNDED", fulfillmentStatus: "DELIVERED", state: "OPEN" };
    expect(
      refundableAmount(
        order(delivered, {
          payments: [payment(5000, 1000)],
          refunds: [refund(1500, "PENDING"), refund(1000, "SUCCEEDED")],
        }),
      ),
    ).toBe(2500);
    expect(orderActions(order(delivered, { payments: [payment(5000, 5000)] })).refund).toBe(false);
    expect(refundableAmount(order(paid, { payments: [payment(5000, 0, "FAILED")] }))).toBe(0);
  });
});

describe("line refunds", () => {
  it("shares the line total per unit, the last unit taking the rounding", () => {
    const item = { total: 1000, quantity: 3, refundedQuantity: 0 };
    expect(lineRefundAmount(item, 1)).toBe(333);
    expect(lineRefundAmount(item, 3)).toBe(1000);
    expect(lineRefundAmount({ ...item, refundedQuantity: 1 }, 2)).toBe(667);
    expect(lineRefundAmount(item, 0)).toBe(0);
  });
});
