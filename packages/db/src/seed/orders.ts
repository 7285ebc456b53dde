import type { SqlRunner } from "../sql.ts";
import { insertRows, nextId, syncSequence } from "./bulk.ts";
import type { SeededVariant } from "./catalog.ts";
import type { SeedAddress } from "./people.ts";
import type { Random } from "./random.ts";
import { shippingMethods, taxRates } from "./reference.ts";

export type SeedCustomer = { id: number | null; email: string; address: SeedAddress; since: Date };

const DAY = 86_400_000;
const carriers = [
  { code: "ups", name: "UPS" },
  { code: "fedex", name: "FedEx" },
  { code: "usps", name: "USPS" },
  { code: "dhl", name: "DHL" },
];

/** What happened to a seeded order; each becomes a payment status, fulfilment status and state. */
type Status = "PAID" | "PROCESSING" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED" | "PARTIALLY_REFUNDED";

const statusesOf = (status: Status) => ({
  paymentStatus:
    status === "CANCELLED" ? "VOIDED" : status === "REFUNDED" || status === "PARTIALLY_REFUNDED" ? status : "PAID",
  fulfillmentStatus:
    status === "SHIPPED"
      ? "FULFILLED"
      : status === "PAID" || status === "PROCESSING" || status === "CANCELLED"
        ? "UNFULFILLED"
        : "DELIVERED",
  state: status === "CANCELLED" ? "CANCELLED" : "OPEN",
});

function statusFor(random: Random, ageDays: number): Status {
  if (ageDays > 14) {
    const roll = random.next();
    return roll < 0.88 ? "DELIVERED" : roll < 0.93 ? "CANCELLED" : roll < 0.97 ? "REFUNDED" : "PARTIALLY_REFUNDED";
  }
  if (ageDays > 5) return random.pick(["SHIPPED", "DELIVERED", "DELIVERED", "CANCELLED"] as const);
  return random.pick(["PAID", "PROCESSING", "SHIPPED"] as const);
}

/** Splits `amount` over lines in proportion to their weights; the last line takes the rounding. */
function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let left = amount;
  return weights.map((weight, index) => {
    if (index === weights.length - 1) return left;
    const share = total === 0 ? 0 : Math.floor((amount * weight) / total);
    left -= share;
    return share;
  });
}

export type SeededOrderItem = { orderId: number; userId: number | null; productId: number; deliveredAt: Date };

/**
 * Past orders with consistent money (the CHECK that total = subtotal − discount + shipping + tax
 * holds), payments, refunds, status history and coupon redemptions.
 */
export async function seedOrders(
  sql: SqlRunner,
  options: { random: Random; now: Date; count: number; customers: SeedCustomer[]; variants: SeededVariant[] },
): Promise<SeededOrderItem[]> {
  const { random, now } = options;
  // Recomputing the sales summary per bulk batch would redo a year of days twenty times: the
  // triggers wait (for this transaction only) and the summary is rebuilt once at the end.
  await sql.query(`SELECT set_config('shop.sales_summary', 'deferred', true)`);
  const sellable = options.variants.filter((variant) => variant.active);
  const [couponRow] = await sql.query<{ id: number }>(`SELECT "id" FROM "Coupon" WHERE "code" = 'WELCOME10'`);
  const methods = await sql.query<{ id: number; code: string }>(`SELECT "id", "code" FROM "ShippingMethod"`);
  const methodId = new Map(methods.map((method) => [method.code, method.id]));

  const rows = {
    orders: [] as Array<Record<string, unknown>>,
    addresses: [] as Array<Record<string, unknown>>,
    items: [] as Array<Record<string, unknown>>,
    events: [] as Array<Record<string, unknown>>,
    payments: [] as Array<Record<string, unknown>>,
    refunds: [] as Array<Record<string, unknown>>,
    redemptions: [] as Array<Record<string, unknown>>,
    shipments: [] as Array<Record<string, unknown>>,
    shipmentItems: [] as Array<Record<string, unknown>>,
  };
  const delivered: SeededOrderItem[] = [];
  let orderId = await nextId(sql, "Order");
  let itemId = await nextId(sql, "OrderItem");
  let paymentId = await nextId(sql, "Payment");
  let shipmentId = await nextId(sql, "Shipment");
  const [numberRow] = await sql.query<{ max: number | null }>(`SELECT MAX("number") AS max FROM "Order"`);
  let number = Math.max(numberRow?.max ?? 0, 1000) + 1;

  for (let n = 0; n < options.count; n++) {
    const customer = random.pick(options.customers);
    // Recent months sell a little more, so charts have a trend.
    const ageDays = Math.floor(365 * Math.pow(random.next(), 1.3));
    const placedAt = new Date(
      Math.max(now.getTime() - ageDays * DAY - random.int(0, DAY - 1), customer.since.getTime()),
    );
    const status = statusFor(random, (now.getTime() - placedAt.getTime()) / DAY);
    const lines = random
      .sample(sellable, random.int(1, 3))
      .map((variant) => ({ variant, quantity: random.chance(0.8) ? 1 : 2 }));
    const subtotal = lines.reduce((sum, line) => sum + line.variant.price * line.quantity, 0);
    const useCoupon = Boolean(couponRow) && random.chance(0.1);
    const discount = useCoupon ? Math.round(subtotal * 0.1) : 0;
    const method = random.chance(0.15) ? shippingMethods[1] : shippingMethods[0];
    if (!method) throw new Error("no shipping methods");
    const shipping =
      method.freeOverSubtotal !== null && subtotal - discount >= method.freeOverSubtotal ? 0 : method.price;
    const rate =
      taxRates.find((r) => r.country === customer.address.country && r.region === (customer.address.region ?? "")) ??
      taxRates.find((r) => r.country === customer.address.country && r.region === "");
    const taxable = subtotal - discount + (rate?.appliesToShipping ? shipping : 0);
    const tax = Math.round((taxable * (rate?.rateBps ?? 0)) / 10_000);
    const total = subtotal - discount + shipping + tax;

    const id = orderId++;
    const paidAt = new Date(placedAt.getTime() + 60_000);
    const cancelled = status === "CANCELLED";
    const shippedAt = ["SHIPPED", "DELIVERED", "REFUNDED", "PARTIALLY_REFUNDED"].includes(status)
      ? new Date(placedAt.getTime() + random.int(1, 2) * DAY)
      : null;
    const deliveredAt =
      shippedAt && status !== "SHIPPED" ? new Date(shippedAt.getTime() + random.int(1, 4) * DAY) : null;
    const cancelledAt = cancelled ? new Date(placedAt.getTime() + 30 * 60_000) : null;
    const carrier = shippedAt ? random.pick(carriers) : null;
    const tracking = shippedAt ? `1Z${String(id).padStart(10, "0")}` : null;
    const parcel = carrier ? shipmentId++ : null;
    if (carrier && parcel !== null)
      rows.shipments.push({
        id: parcel,
        orderId: id,
        carrierCode: carrier.code,
        carrierName: carrier.name,
        trackingNumber: tracking,
        status: deliveredAt ? "DELIVERED" : "SHIPPED",
        shippedAt,
        deliveredAt,
        createdAt: shippedAt,
        updatedAt: deliveredAt ?? shippedAt,
      });

    const lineTotals = lines.map((line) => line.variant.price * line.quantity);
    const discounts = allocate(discount, lineTotals);
    const taxes = allocate(tax, lineTotals);
    const itemIds: number[] = [];
    lines.forEach((line, index) => {
      const lineId = itemId++;
      itemIds.push(lineId);
      const lineDiscount = discounts[index] ?? 0;
      rows.items.push({
        id: lineId,
        orderId: id,
        productId: line.variant.productId,
        variantId: line.variant.id,
        productName: line.variant.productName,
        variantTitle: line.variant.title,
        sku: line.variant.sku,
        imagePath: line.variant.imagePath,
        unitPrice: line.variant.price,
        quantity: line.quantity,
        discountAmount: lineDiscount,
        taxAmount: taxes[index] ?? 0,
        total: line.variant.price * line.quantity - lineDiscount,
        refundedQuantity: status === "REFUNDED" ? line.quantity : 0,
        shippedQuantity: parcel !== null ? line.quantity : 0,
      });
      if (parcel !== null)
        rows.shipmentItems.push({ shipmentId: parcel, orderItemId: lineId, quantity: line.quantity });
      if (deliveredAt && customer.id !== null && status === "DELIVERED") {
        delivered.push({ orderId: id, userId: customer.id, productId: line.variant.productId, deliveredAt });
      }
    });

    const refunded =
      status === "REFUNDED" ? total : status === "PARTIALLY_REFUNDED" ? Math.min(total, lineTotals[0] ?? 0) : 0;
    rows.orders.push({
      id,
      number: number++,
      userId: customer.id,
      email: customer.email,
      ...statusesOf(status),
      currency: "USD",
      subtotal,
      discountTotal: discount,
      shippingTotal: shipping,
      taxTotal: tax,
      total,
      refundedTotal: refunded,
      couponId: useCoupon ? (couponRow?.id ?? null) : null,
      couponCode: useCoupon ? "WELCOME10" : null,
      shippingMethodId: methodId.get(method.code) ?? null,
      shippingMethodName: method.name,
      cancelReason: cancelled ? "Cancelled by customer" : null,
      placedAt,
      paidAt: cancelled ? null : paidAt,
      shippedAt,
      deliveredAt,
      cancelledAt,
      createdAt: placedAt,
      updatedAt: deliveredAt ?? shippedAt ?? cancelledAt ?? paidAt,
    });
    rows.addresses.push({ orderId: id, kind: "SHIPPING", ...customer.address, phone: null });
    rows.payments.push({
      id: paymentId,
      orderId: id,
      provider: "test",
      providerRef: `test_pi_seed_${id}`,
      status: cancelled ? "CANCELLED" : "SUCCEEDED",
      amount: total,
      currency: "USD",
      capturedAmount: cancelled ? 0 : total,
      refundedAmount: refunded,
      createdAt: placedAt,
      updatedAt: paidAt,
    });
    if (refunded > 0) {
      rows.refunds.push({
        paymentId,
        orderId: id,
        amount: refunded,
        currency: "USD",
        status: "SUCCEEDED",
        reason: status === "REFUNDED" ? "Returned" : "Damaged item",
        idempotencyKey: `seed-refund-${id}`,
        createdAt: new Date((deliveredAt ?? paidAt).getTime() + DAY),
        updatedAt: new Date((deliveredAt ?? paidAt).getTime() + DAY),
      });
    }
    paymentId++;
    if (useCoupon && !cancelled && couponRow) {
      rows.redemptions.push({
        couponId: couponRow.id,
        orderId: id,
        userId: customer.id,
        email: customer.email,
        discountAmount: discount,
        createdAt: placedAt,
      });
    }

    const event = (kind: string, from: string | null, to: string, at: Date, extra: Record<string, unknown> = {}) =>
      rows.events.push({
        orderId: id,
        kind,
        fromStatus: from,
        toStatus: to,
        actorType: "SYSTEM",
        message: null,
        carrier: null,
        trackingNumber: null,
        createdAt: at,
        ...extra,
      });
    event("payment", null, "PENDING", placedAt, { actorType: "CUSTOMER", message: "Order placed" });
    if (cancelled) {
      const at = cancelledAt ?? placedAt;
      const message = "Cancelled by customer";
      event("state", "OPEN", "CANCELLED", at, { actorType: "CUSTOMER", message });
      event("payment", "PENDING", "VOIDED", at, { actorType: "CUSTOMER", message });
      continue;
    }
    event("payment", "PENDING", "PAID", paidAt, { message: "Payment received" });
    if (!shippedAt) continue;
    event("fulfillment", "UNFULFILLED", "FULFILLED", shippedAt, {
      actorType: "STAFF",
      message: `Parcel ${parcel} shipped`,
      carrier: carrier?.name,
      trackingNumber: tracking,
    });
    if (!deliveredAt) continue;
    event("fulfillment", "FULFILLED", "DELIVERED", deliveredAt, { message: `Parcel ${parcel} delivered` });
    if (refunded > 0)
      event("payment", "PAID", status, new Date(deliveredAt.getTime() + DAY), {
        actorType: "STAFF",
        message: "Refund issued",
      });
  }

  await insertRows(
    sql,
    "Order",
    {
      id: "int",
      number: "int",
      userId: "int",
      email: "text",
      paymentStatus: "enum:OrderPaymentStatus",
      fulfillmentStatus: "enum:FulfillmentStatus",
      state: "enum:OrderState",
      currency: "text",
      subtotal: "int",
      discountTotal: "int",
      shippingTotal: "int",
      taxTotal: "int",
      total: "int",
      refundedTotal: "int",
      couponId: "int",
      couponCode: "text",
      shippingMethodId: "int",
      shippingMethodName: "text",
      cancelReason: "text",
      placedAt: "timestamptz",
      paidAt: "timestamptz",
      shippedAt: "timestamptz",
      deliveredAt: "timestamptz",
      cancelledAt: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.orders,
  );
  await insertRows(
    sql,
    "OrderAddress",
    {
      orderId: "int",
      kind: "enum:AddressKind",
      fullName: "text",
      line1: "text",
      city: "text",
      region: "text",
      postalCode: "text",
      country: "text",
      phone: "text",
    },
    rows.addresses,
  );
  await insertRows(
    sql,
    "OrderItem",
    {
      id: "int",
      orderId: "int",
      productId: "int",
      variantId: "int",
      productName: "text",
      variantTitle: "text",
      sku: "text",
      imagePath: "text",
      unitPrice: "int",
      quantity: "int",
      discountAmount: "int",
      taxAmount: "int",
      total: "int",
      refundedQuantity: "int",
      shippedQuantity: "int",
    },
    rows.items,
  );
  await insertRows(
    sql,
    "Shipment",
    {
      id: "int",
      orderId: "int",
      carrierCode: "text",
      carrierName: "text",
      trackingNumber: "text",
      status: "enum:ShipmentStatus",
      shippedAt: "timestamptz",
      deliveredAt: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.shipments,
  );
  await insertRows(sql, "ShipmentItem", { shipmentId: "int", orderItemId: "int", quantity: "int" }, rows.shipmentItems);
  await insertRows(
    sql,
    "OrderEvent",
    {
      orderId: "int",
      kind: "text",
      fromStatus: "text",
      toStatus: "text",
      actorType: "enum:ActorType",
      message: "text",
      carrier: "text",
      trackingNumber: "text",
      createdAt: "timestamptz",
    },
    rows.events,
  );
  await insertRows(
    sql,
    "Payment",
    {
      id: "int",
      orderId: "int",
      provider: "text",
      providerRef: "text",
      status: "enum:PaymentStatus",
      amount: "int",
      currency: "text",
      capturedAmount: "int",
      refundedAmount: "int",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.payments,
  );
  await insertRows(
    sql,
    "Refund",
    {
      paymentId: "int",
      orderId: "int",
      amount: "int",
      currency: "text",
      status: "enum:RefundStatus",
      reason: "text",
      idempotencyKey: "text",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.refunds,
  );
  await insertRows(
    sql,
    "CouponRedemption",
    {
      couponId: "int",
      orderId: "int",
      userId: "int",
      email: "text",
      discountAmount: "int",
      createdAt: "timestamptz",
    },
    rows.redemptions,
  );
  for (const table of ["Order", "OrderItem", "Payment", "Shipment"]) await syncSequence(sql, table);
  await syncSequence(sql, "Order", "number");
  await sql.exec(`
    UPDATE "Coupon" c SET "usageCount" = r.n FROM (SELECT "couponId", COUNT(*)::int AS n FROM "CouponRedemption" GROUP BY 1) r WHERE r."couponId" = c."id";
    UPDATE "Product" p SET "unitsSold" = s.units
      FROM (SELECT i."productId", SUM(i."quantity" - i."refundedQuantity")::int AS units
              FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
             WHERE o."paidAt" IS NOT NULL AND o."state" <> 'CANCELLED' AND i."productId" IS NOT NULL
             GROUP BY 1) s
     WHERE s."productId" = p."id";`);
  await sql.query(`SELECT set_config('shop.sales_summary', '', true)`);
  // Fresh statistics first: the planner would otherwise take a year of new orders for an empty table.
  await sql.exec(`ANALYZE "Order"; ANALYZE "OrderItem"; ANALYZE "Refund"; SELECT shop_sales_rebuild();`);
  return delivered;
}
