-- CreateEnum
CREATE TYPE "OrderPaymentStatus" AS ENUM ('PENDING', 'AUTHORIZED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'FAILED');

-- CreateEnum
CREATE TYPE "FulfillmentStatus" AS ENUM ('UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'DELIVERED', 'RETURNED');

-- CreateEnum
CREATE TYPE "OrderState" AS ENUM ('OPEN', 'CANCELLED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('SHIPPED', 'DELIVERED');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED');

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: the one order status splits into payment status, fulfilment status and overall
-- state, shipments become rows of their own, and returns get tables. Nothing is lost:
--   • every order's three statuses are derived from its old status, its amounts and dates
--     (PROCESSING, "being prepared", was a step before shipping; it stays in the order's history);
--   • an order's carrier and tracking number become its one shipment, holding the units that had
--     not been refunded before it left (refund lines dated before shippedAt);
--   • history events keep their old status names, as text, with kind 'status'.
-- The sales summary counted an order by its old status; it now counts a paid order that is not
-- cancelled, which is the same set of orders, so SalesDay needs no rebuild.
-- ───────────────────────────────────────────────────────────────────────────

-- CreateTable
CREATE TABLE "Carrier" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trackingUrl" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "carrierCode" TEXT,
    "carrierName" TEXT NOT NULL,
    "trackingNumber" TEXT,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'SHIPPED',
    "shippedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentItem" (
    "shipmentId" INTEGER NOT NULL,
    "orderItemId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ShipmentItem_pkey" PRIMARY KEY ("shipmentId","orderItemId")
);

-- CreateTable
CREATE TABLE "Return" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "staffNote" TEXT,
    "refundId" INTEGER,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "refundedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnItem" (
    "returnId" INTEGER NOT NULL,
    "orderItemId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "restock" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReturnItem_pkey" PRIMARY KEY ("returnId","orderItemId")
);

-- CreateIndex
CREATE INDEX "Shipment_orderId_idx" ON "Shipment"("orderId");

-- CreateIndex
CREATE INDEX "Shipment_carrierCode_idx" ON "Shipment"("carrierCode");

-- CreateIndex
CREATE INDEX "ShipmentItem_orderItemId_idx" ON "ShipmentItem"("orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Return_refundId_key" ON "Return"("refundId");

-- CreateIndex
CREATE INDEX "Return_orderId_idx" ON "Return"("orderId");

-- CreateIndex
CREATE INDEX "Return_status_requestedAt_idx" ON "Return"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "Return_requestedAt_idx" ON "Return"("requestedAt");

-- CreateIndex
CREATE INDEX "ReturnItem_orderItemId_idx" ON "ReturnItem"("orderItemId");

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "fulfillmentStatus" "FulfillmentStatus" NOT NULL DEFAULT 'UNFULFILLED',
ADD COLUMN     "paymentStatus" "OrderPaymentStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "state" "OrderState" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "shippedQuantity" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderEvent" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'status',
ALTER COLUMN "fromStatus" SET DATA TYPE TEXT USING "fromStatus"::text,
ALTER COLUMN "toStatus" SET DATA TYPE TEXT USING "toStatus"::text;

-- Carriers with a public tracking page; "{number}" is replaced by the tracking number.
INSERT INTO "Carrier" ("code", "name", "trackingUrl", "position", "updatedAt") VALUES
  ('ups', 'UPS', 'https://www.ups.com/track?tracknum={number}', 1, CURRENT_TIMESTAMP),
  ('fedex', 'FedEx', 'https://www.fedex.com/fedextrack/?trknbr={number}', 2, CURRENT_TIMESTAMP),
  ('usps', 'USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}', 3, CURRENT_TIMESTAMP),
  ('dhl', 'DHL', 'https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id={number}', 4, CURRENT_TIMESTAMP),
  ('royal-mail', 'Royal Mail', 'https://www.royalmail.com/track-your-item#/tracking-results/{number}', 5, CURRENT_TIMESTAMP),
  ('canada-post', 'Canada Post', 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}', 6, CURRENT_TIMESTAMP),
  ('japan-post', 'Japan Post', 'https://trackings.post.japanpost.jp/services/srv/search/?requestNo1={number}', 7, CURRENT_TIMESTAMP);

UPDATE "Order" o SET
  "state" = CASE WHEN o."status" = 'CANCELLED' THEN 'CANCELLED'::"OrderState" ELSE 'OPEN'::"OrderState" END,
  "paymentStatus" = CASE
    WHEN o."status" = 'PENDING_PAYMENT' THEN 'PENDING'::"OrderPaymentStatus"
    WHEN o."status" = 'CANCELLED' AND o."paidAt" IS NULL THEN
      CASE WHEN EXISTS (SELECT 1 FROM "Payment" p WHERE p."orderId" = o."id" AND p."status" = 'FAILED')
           THEN 'FAILED'::"OrderPaymentStatus" ELSE 'VOIDED'::"OrderPaymentStatus" END
    WHEN o."status" = 'REFUNDED' OR (o."refundedTotal" > 0 AND o."refundedTotal" >= o."total") THEN 'REFUNDED'::"OrderPaymentStatus"
    WHEN o."refundedTotal" > 0 THEN 'PARTIALLY_REFUNDED'::"OrderPaymentStatus"
    ELSE 'PAID'::"OrderPaymentStatus" END,
  "fulfillmentStatus" = CASE
    WHEN o."status" = 'DELIVERED' OR (o."deliveredAt" IS NOT NULL AND o."shippedAt" IS NOT NULL) THEN 'DELIVERED'::"FulfillmentStatus"
    WHEN o."status" = 'SHIPPED' OR o."shippedAt" IS NOT NULL THEN 'FULFILLED'::"FulfillmentStatus"
    ELSE 'UNFULFILLED'::"FulfillmentStatus" END;

-- Each shipped order's one parcel, then what was in it.
INSERT INTO "Shipment" ("orderId", "carrierCode", "carrierName", "trackingNumber", "status", "shippedAt", "deliveredAt", "createdAt", "updatedAt")
SELECT o."id", c."code", COALESCE(NULLIF(o."carrier", ''), 'Carrier not recorded'), o."trackingNumber",
       CASE WHEN o."fulfillmentStatus" = 'DELIVERED' THEN 'DELIVERED'::"ShipmentStatus" ELSE 'SHIPPED'::"ShipmentStatus" END,
       o."shippedAt", CASE WHEN o."fulfillmentStatus" = 'DELIVERED' THEN COALESCE(o."deliveredAt", o."shippedAt") END,
       o."shippedAt", o."updatedAt"
  FROM "Order" o LEFT JOIN "Carrier" c ON lower(c."name") = lower(o."carrier")
 WHERE o."shippedAt" IS NOT NULL AND o."fulfillmentStatus" <> 'UNFULFILLED'
 ORDER BY o."id";

INSERT INTO "ShipmentItem" ("shipmentId", "orderItemId", "quantity")
SELECT s."id", i."id", i."quantity" - COALESCE((
         SELECT sum(ri."quantity") FROM "RefundItem" ri JOIN "Refund" r ON r."id" = ri."refundId"
          WHERE ri."orderItemId" = i."id" AND r."status" <> 'FAILED' AND r."createdAt" < s."shippedAt"), 0)
  FROM "Shipment" s JOIN "OrderItem" i ON i."orderId" = s."orderId";
DELETE FROM "ShipmentItem" WHERE "quantity" <= 0;
UPDATE "OrderItem" i SET "shippedQuantity" = si."quantity" FROM "ShipmentItem" si WHERE si."orderItemId" = i."id";

ALTER TABLE "ShipmentItem" ADD CONSTRAINT "ShipmentItem_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "ReturnItem" ADD CONSTRAINT "ReturnItem_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_shipped_within_quantity" CHECK ("shippedQuantity" BETWEEN 0 AND "quantity");

-- The old status goes, and with it the summary's old test of whether an order counts.
DROP INDEX "Order_paidAt_status_email_idx";
DROP INDEX "Order_status_placedAt_idx";
DROP INDEX "Order_status_reservationExpiresAt_idx";
DROP FUNCTION shop_order_counted("OrderStatus", timestamp);
ALTER TABLE "Order" DROP COLUMN "carrier",
DROP COLUMN "status",
DROP COLUMN "trackingNumber";
DROP TYPE "OrderStatus";

-- Paid and not cancelled: exactly the orders the old statuses PAID … REFUNDED named (an unpaid
-- order had no paidAt; a cancelled one, paid or not, did not count and still does not).
CREATE FUNCTION shop_order_counted(order_state "OrderState", paid_at timestamp) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT paid_at IS NOT NULL AND order_state <> 'CANCELLED'
$$;

CREATE OR REPLACE FUNCTION shop_sales_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz text := shop_time_zone();
BEGIN
  DELETE FROM "SalesDayProduct";
  DELETE FROM "SalesDay";
  WITH o AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", count(*)::int AS orders, sum(x."subtotal")::int AS subtotal,
           sum(x."discountTotal")::int AS discount, sum(x."shippingTotal")::int AS shipping, sum(x."taxTotal")::int AS tax,
           sum(x."total")::int AS total
      FROM "Order" x WHERE shop_order_counted(x."state", x."paidAt") GROUP BY 1, 2),
  i AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", sum(li."quantity")::int AS units
      FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
     WHERE shop_order_counted(x."state", x."paidAt") GROUP BY 1, 2),
  r AS (
    SELECT shop_local_day(rf."createdAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", count(*)::int AS n, sum(rf."amount")::int AS amount
      FROM "Refund" rf JOIN "Order" x ON x."id" = rf."orderId"
     WHERE rf."status" = 'SUCCEEDED' AND shop_order_counted(x."state", x."paidAt") GROUP BY 1, 2)
  INSERT INTO "SalesDay" ("day", "shard", "orders", "subtotal", "discount", "shipping", "tax", "total", "units", "refunds", "refundCount")
  SELECT COALESCE(o."day", r."day"), COALESCE(o."shard", r."shard"), COALESCE(o.orders, 0), COALESCE(o.subtotal, 0), COALESCE(o.discount, 0),
         COALESCE(o.shipping, 0), COALESCE(o.tax, 0), COALESCE(o.total, 0), COALESCE(i.units, 0),
         COALESCE(r.amount, 0), COALESCE(r.n, 0)
    FROM o LEFT JOIN i ON i."day" = o."day" AND i."shard" = o."shard" FULL JOIN r ON r."day" = o."day" AND r."shard" = o."shard";
  INSERT INTO "SalesDayProduct" ("day", "productId", "shard", "units", "revenue", "orders")
  SELECT shop_local_day(x."paidAt", tz), COALESCE(li."productId", 0), shop_sales_shard(x."id"), sum(li."quantity")::int, sum(li."total")::int,
         count(DISTINCT x."id")::int
    FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
   WHERE shop_order_counted(x."state", x."paidAt")
   GROUP BY 1, 2, 3;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE removed jsonb; added jsonb;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(n)) INTO added FROM new_rows n WHERE shop_order_counted(n."state", n."paidAt");
  ELSE
    -- Most order updates change nothing the summary holds: fulfilment and payment statuses
    -- (shipped, delivered, refunded, …) all count alike, and notes, tracking or refundedTotal
    -- are not summarised. Only counting or not, the payment date and the amounts matter.
    SELECT jsonb_agg(to_jsonb(o)), jsonb_agg(to_jsonb(n)) INTO removed, added
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     WHERE shop_order_counted(o."state", o."paidAt") <> shop_order_counted(n."state", n."paidAt")
        OR ((shop_order_counted(o."state", o."paidAt") OR shop_order_counted(n."state", n."paidAt"))
            AND (o."paidAt", o."subtotal", o."discountTotal", o."shippingTotal", o."taxTotal", o."total")
                IS DISTINCT FROM
                (n."paidAt", n."subtotal", n."discountTotal", n."shippingTotal", n."taxTotal", n."total"));
  END IF;
  IF removed IS NOT NULL OR added IS NOT NULL THEN
    PERFORM shop_sales_apply_orders(removed, added);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  gone jsonb := '[]'::jsonb;
  came jsonb := '[]'::jsonb;
  order_ids int[];
  day_deltas jsonb;
  product_deltas jsonb;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT COALESCE(jsonb_agg(to_jsonb(n)), '[]') INTO came FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT COALESCE(jsonb_agg(to_jsonb(o)), '[]') INTO gone FROM old_rows o;
  ELSE
    SELECT COALESCE(jsonb_agg(to_jsonb(o)), '[]'), COALESCE(jsonb_agg(to_jsonb(n)), '[]') INTO gone, came
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     WHERE (o."orderId", o."productId", o."quantity", o."total") IS DISTINCT FROM (n."orderId", n."productId", n."quantity", n."total");
  END IF;
  IF gone = '[]'::jsonb AND came = '[]'::jsonb THEN RETURN NULL; END IF;

  SELECT array_agg(DISTINCT x."orderId" ORDER BY x."orderId") INTO order_ids
    FROM jsonb_populate_recordset(NULL::"OrderItem", gone || came) x;
  PERFORM 1 FROM "Order" WHERE "id" = ANY (order_ids) ORDER BY "id" FOR NO KEY UPDATE;

  tz := shop_time_zone();
  WITH g AS (SELECT * FROM jsonb_populate_recordset(NULL::"OrderItem", gone)),
  c AS (SELECT * FROM jsonb_populate_recordset(NULL::"OrderItem", came)),
  pairs AS (SELECT DISTINCT "orderId", COALESCE("productId", 0) AS "productId" FROM (SELECT * FROM g UNION ALL SELECT * FROM c) x),
  now_lines AS (
    SELECT li."orderId", COALESCE(li."productId", 0) AS "productId", li."id", li."quantity", li."total"
      FROM "OrderItem" li WHERE li."orderId" = ANY (order_ids)
  ),
  after AS (
    SELECT l."orderId", l."productId", count(*) AS n, sum(l."quantity") AS units, sum(l."total") AS revenue
      FROM now_lines l JOIN pairs p USING ("orderId", "productId") GROUP BY 1, 2
  ),
  before AS (
    SELECT b."orderId", b."productId", count(*) AS n, sum(b."quantity") AS units, sum(b."total") AS revenue
      FROM (SELECT l."orderId", l."productId", l."quantity", l."total" FROM now_lines l WHERE l."id" NOT IN (SELECT "id" FROM c)
            UNION ALL SELECT g."orderId", COALESCE(g."productId", 0), g."quantity", g."total" FROM g) b
      JOIN pairs p USING ("orderId", "productId") GROUP BY 1, 2
  ),
  delta AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", shop_sales_shard(p."orderId") AS "shard", p."productId",
           COALESCE(a.units, 0) - COALESCE(b.units, 0) AS "units",
           COALESCE(a.revenue, 0) - COALESCE(b.revenue, 0) AS "revenue",
           (COALESCE(a.n, 0) > 0)::int - (COALESCE(b.n, 0) > 0)::int AS "orders"
      FROM pairs p
      JOIN "Order" x ON x."id" = p."orderId" AND shop_order_counted(x."state", x."paidAt")
      LEFT JOIN after a USING ("orderId", "productId")
      LEFT JOIN before b USING ("orderId", "productId")
  )
  SELECT (SELECT jsonb_agg(jsonb_build_object('day', d."day", 'shard', d."shard", 'units', d."units")) FROM delta d),
         (SELECT jsonb_agg(to_jsonb(d)) FROM delta d)
    INTO day_deltas, product_deltas;
  PERFORM shop_sales_add_days(day_deltas);
  PERFORM shop_sales_add_products(product_deltas);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_refund_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  gone jsonb := '[]'::jsonb;
  came jsonb := '[]'::jsonb;
  order_ids int[];
  day_deltas jsonb;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT COALESCE(jsonb_agg(to_jsonb(n)), '[]') INTO came FROM new_rows n WHERE n."status" = 'SUCCEEDED';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT COALESCE(jsonb_agg(to_jsonb(o)), '[]') INTO gone FROM old_rows o WHERE o."status" = 'SUCCEEDED';
  ELSE
    WITH changed AS (
      SELECT o, n FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."status", o."amount", o."createdAt", o."orderId") IS DISTINCT FROM (n."status", n."amount", n."createdAt", n."orderId")
    )
    SELECT COALESCE((SELECT jsonb_agg(to_jsonb(c.o)) FROM changed c WHERE (c.o)."status" = 'SUCCEEDED'), '[]'),
           COALESCE((SELECT jsonb_agg(to_jsonb(c.n)) FROM changed c WHERE (c.n)."status" = 'SUCCEEDED'), '[]')
      INTO gone, came;
  END IF;
  IF gone = '[]'::jsonb AND came = '[]'::jsonb THEN RETURN NULL; END IF;

  SELECT array_agg(DISTINCT x."orderId" ORDER BY x."orderId") INTO order_ids
    FROM jsonb_populate_recordset(NULL::"Refund", gone || came) x;
  PERFORM 1 FROM "Order" WHERE "id" = ANY (order_ids) ORDER BY "id" FOR NO KEY UPDATE;

  tz := shop_time_zone();
  SELECT jsonb_agg(jsonb_build_object('day', shop_local_day(r."createdAt", tz), 'shard', shop_sales_shard(r."orderId"), 'refunds', r.sign * r."amount", 'refundCount', r.sign))
    INTO day_deltas
    FROM (SELECT -1 AS sign, g."orderId", g."createdAt", g."amount" FROM jsonb_populate_recordset(NULL::"Refund", gone) g
          UNION ALL
          SELECT 1, c."orderId", c."createdAt", c."amount" FROM jsonb_populate_recordset(NULL::"Refund", came) c) r
    JOIN "Order" x ON x."id" = r."orderId" AND shop_order_counted(x."state", x."paidAt");
  PERFORM shop_sales_add_days(day_deltas);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_apply_orders(removed jsonb, added jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text := shop_time_zone();
  day_deltas jsonb;
  product_deltas jsonb;
BEGIN
  WITH o AS (
    SELECT -1 AS sign, x."id", x."paidAt", x."subtotal", x."discountTotal", x."shippingTotal", x."taxTotal", x."total"
      FROM jsonb_populate_recordset(NULL::"Order", COALESCE(removed, '[]'::jsonb)) x WHERE shop_order_counted(x."state", x."paidAt")
    UNION ALL
    SELECT 1, x."id", x."paidAt", x."subtotal", x."discountTotal", x."shippingTotal", x."taxTotal", x."total"
      FROM jsonb_populate_recordset(NULL::"Order", COALESCE(added, '[]'::jsonb)) x WHERE shop_order_counted(x."state", x."paidAt")
  ),
  lines AS (
    SELECT o.sign, o."id", shop_local_day(o."paidAt", tz) AS "day", COALESCE(li."productId", 0) AS "productId",
           sum(li."quantity") AS units, sum(li."total") AS revenue
      FROM o JOIN "OrderItem" li ON li."orderId" = o."id"
     GROUP BY 1, 2, 3, 4
  ),
  days AS (
    SELECT shop_local_day(o."paidAt", tz) AS "day", shop_sales_shard(o."id") AS "shard", o.sign AS "orders",
           o.sign * COALESCE((SELECT sum(l.units) FROM lines l WHERE l."id" = o."id" AND l.sign = o.sign), 0) AS "units",
           o.sign * o."subtotal" AS "subtotal", o.sign * o."discountTotal" AS "discount", o.sign * o."shippingTotal" AS "shipping",
           o.sign * o."taxTotal" AS "tax", o.sign * o."total" AS "total", 0 AS "refunds", 0 AS "refundCount"
      FROM o
    UNION ALL
    SELECT shop_local_day(rf."createdAt", tz), shop_sales_shard(o."id"), 0, 0, 0, 0, 0, 0, 0, o.sign * rf."amount", o.sign
      FROM o JOIN "Refund" rf ON rf."orderId" = o."id" AND rf."status" = 'SUCCEEDED'
  )
  SELECT (SELECT jsonb_agg(to_jsonb(d)) FROM days d),
         (SELECT jsonb_agg(jsonb_build_object('day', l."day", 'shard', shop_sales_shard(l."id"), 'productId', l."productId", 'units', l.sign * l.units,
                                              'revenue', l.sign * l.revenue, 'orders', l.sign)) FROM lines l)
    INTO day_deltas, product_deltas;
  PERFORM shop_sales_add_days(day_deltas);
  PERFORM shop_sales_add_products(product_deltas);
END $$;

CREATE OR REPLACE FUNCTION shop_sales_order_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT shop_sales_deferred() AND shop_order_counted(OLD."state", OLD."paidAt") THEN
    PERFORM shop_sales_apply_orders(jsonb_build_array(to_jsonb(OLD)), NULL);
  END IF;
  RETURN OLD;
END $$;

-- CreateIndex
CREATE INDEX "Order_state_placedAt_idx" ON "Order"("state", "placedAt");

-- CreateIndex
CREATE INDEX "Order_paidAt_state_email_idx" ON "Order"("paidAt", "state", "email");

-- CreateIndex
CREATE INDEX "Order_paymentStatus_reservationExpiresAt_idx" ON "Order"("paymentStatus", "reservationExpiresAt");

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_carrierCode_fkey" FOREIGN KEY ("carrierCode") REFERENCES "Carrier"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentItem" ADD CONSTRAINT "ShipmentItem_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentItem" ADD CONSTRAINT "ShipmentItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnItem" ADD CONSTRAINT "ReturnItem_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "Return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnItem" ADD CONSTRAINT "ReturnItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
