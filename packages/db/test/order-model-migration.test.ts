import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate/index.ts";
import { readMigrations } from "../src/migrate/migrations.ts";
import { prismaPaths } from "../src/paths.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const SPLIT = "20261206205609_order_model_shipments_returns";
const realDir = prismaPaths().migrations;

/** The migrations as they were before the order's one status was split. */
function migrationsBefore(): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-before-split-"));
  for (const migration of readMigrations(realDir)) {
    if (migration.name >= SPLIT) continue;
    cpSync(join(realDir, migration.name), join(dir, migration.name), { recursive: true });
  }
  cpSync(join(realDir, "migration_lock.toml"), join(dir, "migration_lock.toml"));
  return dir;
}

// Orders as the seed and live checkouts left them under the old single status, one per case the
// mapping distinguishes: [number, status, paidAt, shippedAt, deliveredAt, carrier, refundedTotal].
type Old = [number, string, string | null, string | null, string | null, string | null, number];
const orders: Old[] = [
  [1, "PENDING_PAYMENT", null, null, null, null, 0],
  [2, "PAID", "2026-03-01 10:00", null, null, null, 0],
  [3, "PROCESSING", "2026-03-01 10:00", null, null, null, 0],
  [4, "SHIPPED", "2026-03-01 10:00", "2026-03-02 10:00", null, "UPS", 0],
  [5, "DELIVERED", "2026-03-01 10:00", "2026-03-02 10:00", "2026-03-04 10:00", "Acme Freight", 0],
  [6, "PARTIALLY_REFUNDED", "2026-03-01 10:00", "2026-03-02 10:00", "2026-03-04 10:00", "FedEx", 1000],
  [7, "REFUNDED", "2026-03-01 10:00", null, null, null, 3000],
  [8, "CANCELLED", null, null, null, null, 0],
  [9, "CANCELLED", null, null, null, null, 0],
  [10, "CANCELLED", "2026-03-01 10:00", null, null, null, 3000],
  [11, "SHIPPED", "2026-03-01 10:00", "2026-03-03 10:00", null, "DHL", 1000],
];

async function seedOldOrders(db: TestDatabase) {
  for (const [n, status, paidAt, shippedAt, deliveredAt, carrier, refunded] of orders) {
    await db.sql.query(
      `INSERT INTO "Order" ("id", "number", "email", "status", "subtotal", "total", "refundedTotal", "shippingMethodName",
                            "carrier", "trackingNumber", "placedAt", "paidAt", "shippedAt", "deliveredAt", "updatedAt")
       VALUES ($1, $1 + 1000, 'old' || $1 || '@example.com', $2::"OrderStatus", 3000, 3000, $3, 'Standard',
               $4, CASE WHEN $4::text IS NULL THEN NULL ELSE 'TRACK' || $1 END, '2026-03-01 09:00', $5::timestamp, $6::timestamp, $7::timestamp, now())`,
      [n, status, refunded, carrier, paidAt, shippedAt, deliveredAt],
    );
    // Two lines: 2 × 1000 and 1 × 1000.
    await db.sql.query(
      `INSERT INTO "OrderItem" ("id", "orderId", "productName", "sku", "unitPrice", "quantity", "total", "refundedQuantity")
       VALUES ($1 * 10 + 1, $1, 'Mug', 'MUG-' || $1, 1000, 2, 2000, $2), ($1 * 10 + 2, $1, 'Plate', 'PLATE-' || $1, 1000, 1, 1000, 0)`,
      [n, status === "REFUNDED" ? 2 : 0],
    );
    const paymentStatus = paidAt ? "SUCCEEDED" : n === 8 ? "FAILED" : status === "CANCELLED" ? "CANCELLED" : "PENDING";
    await db.sql.query(
      `INSERT INTO "Payment" ("id", "orderId", "provider", "status", "amount", "currency", "capturedAmount", "refundedAmount", "updatedAt")
       VALUES ($1, $1, 'test', $2::"PaymentStatus", 3000, 'USD', $3, $4, now())`,
      [n, paymentStatus, paidAt ? 3000 : 0, refunded],
    );
    await db.sql.query(
      `INSERT INTO "OrderEvent" ("orderId", "fromStatus", "toStatus", "actorType", "message")
       VALUES ($1, NULL, 'PENDING_PAYMENT', 'SYSTEM', 'Order placed'), ($1, 'PENDING_PAYMENT', $2::"OrderStatus", 'STAFF', 'then')`,
      [n, status],
    );
  }
  // Order 11 had one mug refunded (and released) before it shipped; order 6 after delivery.
  await db.sql.exec(`
    INSERT INTO "Refund" ("id", "paymentId", "orderId", "amount", "currency", "status", "idempotencyKey", "createdAt", "updatedAt")
    VALUES (1, 11, 11, 1000, 'USD', 'SUCCEEDED', 'r1', '2026-03-02 12:00', now()),
           (2, 6, 6, 1000, 'USD', 'SUCCEEDED', 'r2', '2026-03-05 12:00', now()),
           (3, 7, 7, 3000, 'USD', 'SUCCEEDED', 'r3', '2026-03-01 12:00', now()),
           (4, 10, 10, 3000, 'USD', 'SUCCEEDED', 'r4', '2026-03-01 12:00', now());
    INSERT INTO "RefundItem" ("refundId", "orderItemId", "quantity", "amount") VALUES (1, 111, 1, 1000), (2, 61, 1, 1000);
    UPDATE "OrderItem" SET "refundedQuantity" = 1 WHERE "id" IN (111, 61);`);
}

const salesDays = (db: TestDatabase) =>
  db.sql.query(
    `SELECT "day"::text, sum("orders")::int AS orders, sum("total")::int AS total, sum("units")::int AS units,
            sum("refunds")::int AS refunds, sum("refundCount")::int AS "refundCount"
       FROM "SalesDay" GROUP BY 1 ORDER BY 1`,
  );

describe("splitting the order status (migration on existing orders)", () => {
  let db: TestDatabase;
  let salesBefore: unknown[];
  let eventsBefore: unknown[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    const before = migrationsBefore();
    await migrate(db.sql, before);
    rmSync(before, { recursive: true, force: true });
    await seedOldOrders(db);
    salesBefore = await salesDays(db);
    eventsBefore = await db.sql.query(
      `SELECT "id", "orderId", "toStatus"::text, "message" FROM "OrderEvent" ORDER BY "id"`,
    );
    expect((await migrate(db.sql, realDir)).applied).toEqual([
      SPLIT,
      ...readMigrations(realDir)
        .map((m) => m.name)
        .filter((name) => name > SPLIT),
    ]);
  });
  afterAll(() => db.close());

  it("gives every order its payment status, fulfilment status and state", async () => {
    const rows = await db.sql.query<{ n: number; paymentStatus: string; fulfillmentStatus: string; state: string }>(
      `SELECT "id" AS n, "paymentStatus", "fulfillmentStatus", "state" FROM "Order" ORDER BY "id"`,
    );
    expect(rows.map((row) => [row.n, row.paymentStatus, row.fulfillmentStatus, row.state])).toEqual([
      [1, "PENDING", "UNFULFILLED", "OPEN"],
      [2, "PAID", "UNFULFILLED", "OPEN"],
      [3, "PAID", "UNFULFILLED", "OPEN"],
      [4, "PAID", "FULFILLED", "OPEN"],
      [5, "PAID", "DELIVERED", "OPEN"],
      [6, "PARTIALLY_REFUNDED", "DELIVERED", "OPEN"],
      [7, "REFUNDED", "UNFULFILLED", "OPEN"],
      [8, "FAILED", "UNFULFILLED", "CANCELLED"],
      [9, "VOIDED", "UNFULFILLED", "CANCELLED"],
      [10, "REFUNDED", "UNFULFILLED", "CANCELLED"],
      [11, "PARTIALLY_REFUNDED", "FULFILLED", "OPEN"],
    ]);
  });

  it("turns each carrier and tracking number into a parcel holding what had not been refunded before it left", async () => {
    const parcels = await db.sql.query(
      `SELECT s."orderId", s."carrierCode", s."carrierName", s."trackingNumber", s."status"::text, s."deliveredAt" IS NOT NULL AS delivered,
              (SELECT json_agg(json_build_array(i."orderItemId", i."quantity") ORDER BY i."orderItemId") FROM "ShipmentItem" i WHERE i."shipmentId" = s."id") AS items
         FROM "Shipment" s ORDER BY s."orderId"`,
    );
    expect(parcels).toEqual([
      {
        orderId: 4,
        carrierCode: "ups",
        carrierName: "UPS",
        trackingNumber: "TRACK4",
        status: "SHIPPED",
        delivered: false,
        items: [
          [41, 2],
          [42, 1],
        ],
      },
      {
        orderId: 5,
        carrierCode: null,
        carrierName: "Acme Freight",
        trackingNumber: "TRACK5",
        status: "DELIVERED",
        delivered: true,
        items: [
          [51, 2],
          [52, 1],
        ],
      },
      {
        orderId: 6,
        carrierCode: "fedex",
        carrierName: "FedEx",
        trackingNumber: "TRACK6",
        status: "DELIVERED",
        delivered: true,
        items: [
          [61, 2],
          [62, 1],
        ],
      },
      {
        orderId: 11,
        carrierCode: "dhl",
        carrierName: "DHL",
        trackingNumber: "TRACK11",
        status: "SHIPPED",
        delivered: false,
        items: [
          [111, 1],
          [112, 1],
        ],
      },
    ]);
    const shipped = await db.sql.query(
      `SELECT "id", "shippedQuantity" FROM "OrderItem" WHERE "orderId" IN (4, 11) ORDER BY "id"`,
    );
    expect(shipped).toEqual([
      { id: 41, shippedQuantity: 2 },
      { id: 42, shippedQuantity: 1 },
      { id: 111, shippedQuantity: 1 },
      { id: 112, shippedQuantity: 1 },
    ]);
  });

  it("keeps the history word for word, and the sales summary figure for figure", async () => {
    const events = await db.sql.query(`SELECT "id", "orderId", "toStatus", "message" FROM "OrderEvent" ORDER BY "id"`);
    expect(events).toEqual(eventsBefore);
    expect(await db.sql.query(`SELECT DISTINCT "kind" FROM "OrderEvent"`)).toEqual([{ kind: "status" }]);
    expect(await salesDays(db)).toEqual(salesBefore);
    await db.sql.exec(`SELECT shop_sales_rebuild()`);
    expect(await salesDays(db)).toEqual(salesBefore);
    expect(salesBefore).not.toEqual([]);
  });
});
