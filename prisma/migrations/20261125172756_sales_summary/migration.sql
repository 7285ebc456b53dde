-- CreateTable
CREATE TABLE "SalesDay" (
    "day" DATE NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "subtotal" INTEGER NOT NULL DEFAULT 0,
    "discount" INTEGER NOT NULL DEFAULT 0,
    "shipping" INTEGER NOT NULL DEFAULT 0,
    "tax" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "refunds" INTEGER NOT NULL DEFAULT 0,
    "refundCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SalesDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "SalesDayProduct" (
    "day" DATE NOT NULL,
    "productId" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "SalesDayProduct_pkey" PRIMARY KEY ("day","productId")
);

-- CreateIndex
CREATE INDEX "Order_paidAt_status_email_idx" ON "Order"("paidAt", "status", "email");

-- CreateIndex
CREATE INDEX "Order_couponId_paidAt_idx" ON "Order"("couponId", "paidAt");

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: the sales summary (SalesDay, SalesDayProduct) kept by triggers.
-- A change to an order, a line or a refund recomputes every local day it touches from the
-- orders themselves, so the summary always equals a from-scratch aggregation. Days are locked
-- in order before they are recomputed: a transaction that waited for another re-reads what
-- that one committed (READ COMMITTED takes a fresh snapshot per statement), so concurrent
-- payments on the same day cannot overwrite each other's figures.
-- ───────────────────────────────────────────────────────────────────────────

CREATE FUNCTION shop_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT "value" #>> '{}' FROM "Setting" WHERE "key" = 'shop.timeZone'), 'UTC')
$$;

-- Timestamps are stored as UTC without a zone (Prisma's DateTime): a local day is computed from
-- the UTC instant, and a local midnight is turned back into a UTC timestamp for range scans.
CREATE FUNCTION shop_local_day(at_utc timestamp, tz text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((at_utc AT TIME ZONE 'UTC') AT TIME ZONE tz)::date
$$;
CREATE FUNCTION shop_day_start(local_day date, tz text) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
  SELECT (local_day::timestamp AT TIME ZONE tz) AT TIME ZONE 'UTC'
$$;

-- Which orders count in reports: paid ones, refunded or not (refunds are subtracted by their own day).
CREATE FUNCTION shop_order_counted(order_status "OrderStatus", paid_at timestamp) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT paid_at IS NOT NULL
     AND order_status IN ('PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'PARTIALLY_REFUNDED', 'REFUNDED')
$$;

-- The seed inserts a year of orders in bulk with the triggers deferred, then rebuilds once.
CREATE FUNCTION shop_sales_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT COALESCE(current_setting('shop.sales_summary', true), '') = 'deferred'
$$;

CREATE FUNCTION shop_sales_refresh(days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text := shop_time_zone();
  wanted date[];
  d date;
BEGIN
  SELECT array_agg(DISTINCT x ORDER BY x) INTO wanted FROM unnest(days) AS x WHERE x IS NOT NULL;
  IF wanted IS NULL THEN RETURN; END IF;
  -- Day by day in date order, creating a missing row first: a new row is as good as a lock to
  -- other writers, so creating all first and locking after could take locks out of order.
  FOREACH d IN ARRAY wanted LOOP
    INSERT INTO "SalesDay" ("day") VALUES (d) ON CONFLICT DO NOTHING;
    PERFORM 1 FROM "SalesDay" WHERE "day" = d FOR UPDATE;
  END LOOP;

  UPDATE "SalesDay" s SET
    "orders" = o.orders, "subtotal" = o.subtotal, "discount" = o.discount, "shipping" = o.shipping,
    "tax" = o.tax, "total" = o.total, "units" = i.units, "refunds" = r.amount, "refundCount" = r.n
  FROM unnest(wanted) AS w("day")
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS orders, COALESCE(sum(x."subtotal"), 0)::int AS subtotal,
           COALESCE(sum(x."discountTotal"), 0)::int AS discount, COALESCE(sum(x."shippingTotal"), 0)::int AS shipping,
           COALESCE(sum(x."taxTotal"), 0)::int AS tax, COALESCE(sum(x."total"), 0)::int AS total
      FROM "Order" x
     WHERE x."paidAt" >= shop_day_start(w."day", tz) AND x."paidAt" < shop_day_start(w."day" + 1, tz)
       AND shop_order_counted(x."status", x."paidAt")
  ) o
  CROSS JOIN LATERAL (
    SELECT COALESCE(sum(li."quantity"), 0)::int AS units
      FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
     WHERE x."paidAt" >= shop_day_start(w."day", tz) AND x."paidAt" < shop_day_start(w."day" + 1, tz)
       AND shop_order_counted(x."status", x."paidAt")
  ) i
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, COALESCE(sum(rf."amount"), 0)::int AS amount
      FROM "Refund" rf JOIN "Order" x ON x."id" = rf."orderId"
     WHERE rf."status" = 'SUCCEEDED'
       AND rf."createdAt" >= shop_day_start(w."day", tz) AND rf."createdAt" < shop_day_start(w."day" + 1, tz)
       AND shop_order_counted(x."status", x."paidAt")
  ) r
  WHERE s."day" = w."day";

  DELETE FROM "SalesDayProduct" WHERE "day" = ANY (wanted);
  INSERT INTO "SalesDayProduct" ("day", "productId", "units", "revenue", "orders")
  SELECT w."day", COALESCE(li."productId", 0), sum(li."quantity")::int, sum(li."total")::int, count(DISTINCT x."id")::int
    FROM unnest(wanted) AS w("day")
    JOIN "Order" x ON x."paidAt" >= shop_day_start(w."day", tz) AND x."paidAt" < shop_day_start(w."day" + 1, tz)
                  AND shop_order_counted(x."status", x."paidAt")
    JOIN "OrderItem" li ON li."orderId" = x."id"
   GROUP BY 1, 2;
END $$;

-- From scratch, in one pass per table (a per-day refresh of a whole year would scan it 365 times).
CREATE FUNCTION shop_sales_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz text := shop_time_zone();
BEGIN
  DELETE FROM "SalesDayProduct";
  DELETE FROM "SalesDay";
  WITH o AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", count(*)::int AS orders, sum(x."subtotal")::int AS subtotal,
           sum(x."discountTotal")::int AS discount, sum(x."shippingTotal")::int AS shipping, sum(x."taxTotal")::int AS tax,
           sum(x."total")::int AS total
      FROM "Order" x WHERE shop_order_counted(x."status", x."paidAt") GROUP BY 1),
  i AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", sum(li."quantity")::int AS units
      FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
     WHERE shop_order_counted(x."status", x."paidAt") GROUP BY 1),
  r AS (
    SELECT shop_local_day(rf."createdAt", tz) AS "day", count(*)::int AS n, sum(rf."amount")::int AS amount
      FROM "Refund" rf JOIN "Order" x ON x."id" = rf."orderId"
     WHERE rf."status" = 'SUCCEEDED' AND shop_order_counted(x."status", x."paidAt") GROUP BY 1)
  INSERT INTO "SalesDay" ("day", "orders", "subtotal", "discount", "shipping", "tax", "total", "units", "refunds", "refundCount")
  SELECT COALESCE(o."day", r."day"), COALESCE(o.orders, 0), COALESCE(o.subtotal, 0), COALESCE(o.discount, 0),
         COALESCE(o.shipping, 0), COALESCE(o.tax, 0), COALESCE(o.total, 0), COALESCE(i.units, 0),
         COALESCE(r.amount, 0), COALESCE(r.n, 0)
    FROM o LEFT JOIN i ON i."day" = o."day" FULL JOIN r ON r."day" = o."day";
  INSERT INTO "SalesDayProduct" ("day", "productId", "units", "revenue", "orders")
  SELECT shop_local_day(x."paidAt", tz), COALESCE(li."productId", 0), sum(li."quantity")::int, sum(li."total")::int,
         count(DISTINCT x."id")::int
    FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
   WHERE shop_order_counted(x."status", x."paidAt")
   GROUP BY 1, 2;
END $$;

CREATE FUNCTION shop_sales_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  tz := shop_time_zone();
  IF TG_OP = 'INSERT' THEN
    PERFORM shop_sales_refresh(ARRAY(
      SELECT shop_local_day("paidAt", tz) FROM new_rows WHERE shop_order_counted("status", "paidAt")));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM shop_sales_refresh(ARRAY(
      SELECT shop_local_day("paidAt", tz) FROM old_rows WHERE shop_order_counted("status", "paidAt")));
  ELSE
    -- Most order updates change nothing the summary holds: fulfilment and refund statuses
    -- (processing, shipped, refunded, …) all count alike, and notes, tracking or refundedTotal
    -- are not summarised. Only counting or not, the payment date and the amounts matter.
    PERFORM shop_sales_refresh(ARRAY(
      WITH pairs AS (
        SELECT o."id", o."paidAt" AS old_paid, n."paidAt" AS new_paid,
               shop_order_counted(o."status", o."paidAt") AS old_counted,
               shop_order_counted(n."status", n."paidAt") AS new_counted,
               (o."paidAt", o."subtotal", o."discountTotal", o."shippingTotal", o."taxTotal", o."total")
                 IS DISTINCT FROM
               (n."paidAt", n."subtotal", n."discountTotal", n."shippingTotal", n."taxTotal", n."total") AS amounts_changed
          FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      ),
      changed AS (
        SELECT * FROM pairs WHERE old_counted <> new_counted OR ((old_counted OR new_counted) AND amounts_changed)
      )
      SELECT shop_local_day(old_paid, tz) FROM changed WHERE old_counted
      UNION SELECT shop_local_day(new_paid, tz) FROM changed WHERE new_counted
      -- An order that starts or stops counting takes its refunds with it; pending ones too, in
      -- case one succeeds concurrently (whichever transaction locks the day second recomputes it).
      UNION SELECT shop_local_day(rf."createdAt", tz)
              FROM changed c JOIN "Refund" rf ON rf."orderId" = c."id"
             WHERE c.old_counted <> c.new_counted));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION shop_sales_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  tz := shop_time_zone();
  IF TG_OP = 'INSERT' THEN
    PERFORM shop_sales_refresh(ARRAY(
      SELECT shop_local_day(x."paidAt", tz) FROM new_rows li JOIN "Order" x ON x."id" = li."orderId"
       WHERE shop_order_counted(x."status", x."paidAt")));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM shop_sales_refresh(ARRAY(
      SELECT shop_local_day(x."paidAt", tz) FROM old_rows li JOIN "Order" x ON x."id" = li."orderId"
       WHERE shop_order_counted(x."status", x."paidAt")));
  ELSE
    PERFORM shop_sales_refresh(ARRAY(
      SELECT shop_local_day(x."paidAt", tz)
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        JOIN "Order" x ON x."id" IN (o."orderId", n."orderId")
       WHERE (o."orderId", o."productId", o."quantity", o."total") IS DISTINCT FROM (n."orderId", n."productId", n."quantity", n."total")
         AND shop_order_counted(x."status", x."paidAt")));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION shop_sales_refund_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  tz := shop_time_zone();
  IF TG_OP = 'INSERT' THEN
    PERFORM shop_sales_refresh(ARRAY(SELECT shop_local_day("createdAt", tz) FROM new_rows WHERE "status" = 'SUCCEEDED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM shop_sales_refresh(ARRAY(SELECT shop_local_day("createdAt", tz) FROM old_rows WHERE "status" = 'SUCCEEDED'));
  ELSE
    PERFORM shop_sales_refresh(ARRAY(
      WITH changed AS (
        SELECT o."createdAt" AS old_at, n."createdAt" AS new_at, o."status" AS old_status, n."status" AS new_status
          FROM old_rows o JOIN new_rows n ON n."id" = o."id"
         WHERE (o."status", o."amount", o."createdAt", o."orderId") IS DISTINCT FROM (n."status", n."amount", n."createdAt", n."orderId")
      )
      SELECT shop_local_day(old_at, tz) FROM changed WHERE old_status = 'SUCCEEDED'
      UNION SELECT shop_local_day(new_at, tz) FROM changed WHERE new_status = 'SUCCEEDED'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Order_sales_insert" AFTER INSERT ON "Order"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_order_changed();
CREATE TRIGGER "Order_sales_update" AFTER UPDATE ON "Order"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_order_changed();
CREATE TRIGGER "Order_sales_delete" AFTER DELETE ON "Order"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_order_changed();
CREATE TRIGGER "OrderItem_sales_insert" AFTER INSERT ON "OrderItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_item_changed();
CREATE TRIGGER "OrderItem_sales_update" AFTER UPDATE ON "OrderItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_item_changed();
CREATE TRIGGER "OrderItem_sales_delete" AFTER DELETE ON "OrderItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_item_changed();
CREATE TRIGGER "Refund_sales_insert" AFTER INSERT ON "Refund"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_refund_changed();
CREATE TRIGGER "Refund_sales_update" AFTER UPDATE ON "Refund"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_refund_changed();
CREATE TRIGGER "Refund_sales_delete" AFTER DELETE ON "Refund"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_sales_refund_changed();

-- Days are local to the shop's time zone: changing it re-buckets every order. An unknown zone
-- is refused here, once, rather than failing every later order update.
CREATE FUNCTION shop_time_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE "name" = NEW."value" #>> '{}') THEN
    RAISE EXCEPTION 'Unknown time zone: %', NEW."value" #>> '{}' USING ERRCODE = '22023';
  END IF;
  PERFORM shop_sales_rebuild();
  RETURN NULL;
END $$;
CREATE TRIGGER "Setting_time_zone_insert" AFTER INSERT ON "Setting" FOR EACH ROW
  WHEN (NEW."key" = 'shop.timeZone') EXECUTE FUNCTION shop_time_zone_changed();
CREATE TRIGGER "Setting_time_zone_update" AFTER UPDATE ON "Setting" FOR EACH ROW
  WHEN (NEW."key" = 'shop.timeZone' AND OLD."value" IS DISTINCT FROM NEW."value") EXECUTE FUNCTION shop_time_zone_changed();
CREATE TRIGGER "Setting_time_zone_delete" AFTER DELETE ON "Setting" FOR EACH ROW
  WHEN (OLD."key" = 'shop.timeZone') EXECUTE FUNCTION shop_time_zone_changed();

-- Existing orders (a database migrated after it was seeded).
SELECT shop_sales_rebuild();
