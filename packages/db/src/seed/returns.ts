import type { SqlRunner } from "../sql.ts";

/**
 * A few returns on orders delivered in the last month, so the returns queue and the to-do home's
 * "Returns to process" have work in them: every eighth such order asks to return one unit of its
 * first line; every other one of those is already approved. Chosen by order id, not by the seed's
 * random stream, so the orders and reviews seeded around it stay as they were.
 */
export async function seedReturns(sql: SqlRunner, now: Date): Promise<void> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  await sql.query(
    `WITH delivered AS (
       SELECT o."id", o."deliveredAt", row_number() OVER (ORDER BY o."id") AS n
         FROM "Order" o
        WHERE o."fulfillmentStatus" = 'DELIVERED' AND o."paymentStatus" = 'PAID' AND o."state" = 'OPEN'
          AND o."deliveredAt" > $1
     ), chosen AS (
       SELECT "id", "deliveredAt" + interval '1 day' AS "at", n FROM delivered WHERE n % 8 = 1 ORDER BY n LIMIT 8
     ), created AS (
       INSERT INTO "Return" ("orderId", "status", "reason", "requestedAt", "decidedAt", "createdAt", "updatedAt")
       SELECT "id", CASE WHEN n % 16 = 9 THEN 'APPROVED' ELSE 'REQUESTED' END::"ReturnStatus",
              'Does not fit', "at", CASE WHEN n % 16 = 9 THEN "at" + interval '1 day' END, "at", "at"
         FROM chosen
       RETURNING "id", "orderId", "status", "requestedAt"
     ), items AS (
       INSERT INTO "ReturnItem" ("returnId", "orderItemId", "quantity")
       SELECT c."id", (SELECT min(i."id") FROM "OrderItem" i WHERE i."orderId" = c."orderId"), 1 FROM created c
     )
     INSERT INTO "OrderEvent" ("orderId", "kind", "fromStatus", "toStatus", "actorType", "message", "createdAt")
     SELECT "orderId", 'return', NULL, 'REQUESTED', 'CUSTOMER', 'Return ' || "id" || ' requested: Does not fit', "requestedAt"
       FROM created`,
    [since],
  );
}
