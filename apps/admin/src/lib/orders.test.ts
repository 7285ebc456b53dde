import { describe, expect, it } from "vitest";
import { lineRefundAmount, orderActions, refundableAmount, type Order, type OrderStatus } from "./orders.ts";

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
const order = (status: OrderStatus, payments = [payment(5000)], refunds: Refund[] = []) => ({
  status,
  payments,
  refunds,
});

describe("order actions", () => {
  it("follows the status machine", () => {
    expect(orderActions(order("PENDING_PAYMENT", [payment(0, 0, "PENDING")]))).toEqual({
      markProcessing: false,
      ship: false,
      markDelivered: false,
      cancel: true,
      refund: false,
      restock: false,
    });
    expect(orderActions(order("PAID"))).toEqual({
      markProcessing: true,
      ship: true,
      markDelivered: false,
      cancel: true,
      refund: true,
      restock: false,
    });
    expect(orderActions(order("PROCESSING"))).toMatchObject({
      markProcessing: false,
      ship: true,
      cancel: true,
      refund: true,
    });
    expect(orderActions(order("SHIPPED"))).toEqual({
      markProcessing: false,
      ship: false,
      markDelivered: true,
      cancel: false,
      refund: true,
      restock: true,
    });
    expect(orderActions(order("PARTIALLY_REFUNDED", [payment(5000, 1000)]))).toMatchObject({
      refund: true,
      restock: true,
      cancel: false,
    });
    for (const status of ["CANCELLED", "REFUNDED"] as const) {
      expect(Object.values(orderActions(order(status))).some(Boolean)).toBe(false);
    }
  });

  it("offers no refund once everything was refunded or is on its way", () => {
    expect(
      refundableAmount(order("DELIVERED", [payment(5000, 1000)], [refund(1500, "PENDING"), refund(1000, "SUCCEEDED")])),
    ).toBe(2500);
    expect(orderActions(order("DELIVERED", [payment(5000, 5000)])).refund).toBe(false);
    expect(refundableAmount(order("PAID", [payment(5000, 0, "FAILED")]))).toBe(0);
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
