import type { Prisma } from "../generated/prisma/client.ts";
import type { SqlRunner } from "../sql.ts";

/** Orders whose units are still in the warehouse, promised to the order (reserved). */
export const holdingOrders = {
  state: "OPEN",
  fulfillmentStatus: "UNFULFILLED",
  paymentStatus: { in: ["PENDING", "PAID"] },
} satisfies Prisma.OrderWhereInput;

/**
 * Makes the seeded stock what live checkouts would have left: every unit of an order that has
 * not shipped (and was not refunded) is reserved, and the catalog's opening stock is what was
 * left to sell besides them, so shoppers see the same availability. Each reservation gets its
 * movement, in order, ending at the levels the variant shows (as `insertOrder` records them).
 */
export async function holdStockOfOpenOrders(sql: SqlRunner): Promise<void> {
  const held = `
    SELECT i."variantId", o."id" AS "orderId", o."placedAt", SUM(i."quantity" - i."refundedQuantity")::int AS q
      FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
     WHERE o."state" = 'OPEN' AND o."fulfillmentStatus" = 'UNFULFILLED' AND o."paymentStatus" IN ('PENDING', 'PAID')
       AND i."variantId" IS NOT NULL
     GROUP BY 1, 2, 3
    HAVING SUM(i."quantity" - i."refundedQuantity") > 0`;
  await sql.query(
    `WITH held AS (${held}), totals AS (SELECT "variantId", SUM(q)::int AS q FROM held GROUP BY 1)
     UPDATE "Variant" v SET "stockOnHand" = v."stockOnHand" + t.q, "reserved" = v."reserved" + t.q
       FROM totals t WHERE t."variantId" = v."id"`,
  );
  // The opening stock included the units reserved since.
  await sql.query(
    `WITH held AS (${held}), totals AS (SELECT "variantId", SUM(q)::int AS q FROM held GROUP BY 1)
     UPDATE "InventoryMovement" m SET "delta" = m."delta" + t.q, "stockAfter" = m."stockAfter" + t.q
       FROM totals t WHERE m."variantId" = t."variantId" AND m."reason" = 'INITIAL'`,
  );
  await sql.query(
    `WITH held AS (${held})
     INSERT INTO "InventoryMovement" ("variantId", "reason", "delta", "reservedDelta", "stockAfter", "reservedAfter", "orderId", "createdAt")
     SELECT h."variantId", 'RESERVATION', 0, h.q, v."stockOnHand",
            SUM(h.q) OVER (PARTITION BY h."variantId" ORDER BY h."placedAt", h."orderId"), h."orderId", h."placedAt"
       FROM held h JOIN "Variant" v ON v."id" = h."variantId"
      ORDER BY h."variantId", h."placedAt", h."orderId"`,
  );
}
