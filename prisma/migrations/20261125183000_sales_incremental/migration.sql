-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: the sales summary kept by exact increments instead of recomputing whole days.
-- Recomputing a day held its SalesDay row lock for a full-day aggregation (tens of ms, growing
-- with the day), so every payment of the day queued behind every other. Now each trigger adds
-- what its rows changed: the old contribution if it counted, subtracted; the new one if it
-- counts, added. The figures are sums, so increments commute and the row lock is held for an
-- upsert only.
--
-- Exactness rests on one rule: whatever decides whether a line or a refund counts (its order's
-- status and paidAt) is read under that ORDER's row lock. An UPDATE of an order holds the lock;
-- the line and refund triggers take it (FOR NO KEY UPDATE, which also serialises two refunds of
-- one order that later update the order, where FOR SHARE could deadlock on the upgrade). Under
-- READ COMMITTED every statement of a trigger function takes a fresh snapshot, so whichever
-- transaction gets the lock second reads what the first committed:
--   • an order stops counting while a refund succeeds: if the order went first, the refund
--     trigger waits, then sees the order no longer counts and adds nothing; if the refund went
--     first, the order's UPDATE waits for the refund's lock, then its trigger sees the succeeded
--     refund and takes it out with the order.
--   • the same for lines added to an order while it is paid or cancelled, and for two changes of
--     one order's lines (the second sees the first's lines when it decides whether the order
--     already had a line of that product, which SalesDayProduct.orders counts once).
-- Payments of different orders on the same day only meet on the SalesDay row's lock, held from
-- their upsert to their commit. Deleting an order cascades to its lines and refunds after the
-- order row is gone, so the order's whole contribution is taken out by a BEFORE DELETE row
-- trigger while they are still there; the cascaded line and refund triggers then find no order
-- and add nothing.
-- ───────────────────────────────────────────────────────────────────────────

-- Deltas arrive as rows of the summary tables (as jsonb, so the triggers' transition tables can
-- be passed on). Rows are upserted in key order, so transactions touching several days lock
-- them in the same order. A product row back at zero orders has no counted line left and is
-- deleted, as a rebuild would not have it; day rows at zero stay (readers sum them as zero).
CREATE FUNCTION shop_sales_add_days(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SalesDay" ("day", "orders", "units", "subtotal", "discount", "shipping", "tax", "total", "refunds", "refundCount")
  SELECT d."day", sum(COALESCE(d."orders", 0))::int, sum(COALESCE(d."units", 0))::int, sum(COALESCE(d."subtotal", 0))::int, sum(COALESCE(d."discount", 0))::int,
         sum(COALESCE(d."shipping", 0))::int, sum(COALESCE(d."tax", 0))::int, sum(COALESCE(d."total", 0))::int, sum(COALESCE(d."refunds", 0))::int, sum(COALESCE(d."refundCount", 0))::int
    FROM jsonb_populate_recordset(NULL::"SalesDay", COALESCE(deltas, '[]'::jsonb)) d
   WHERE d."day" IS NOT NULL
   GROUP BY d."day"
  HAVING (sum(COALESCE(d."orders", 0)), sum(COALESCE(d."units", 0)), sum(COALESCE(d."subtotal", 0)), sum(COALESCE(d."discount", 0)), sum(COALESCE(d."shipping", 0)), sum(COALESCE(d."tax", 0)),
          sum(COALESCE(d."total", 0)), sum(COALESCE(d."refunds", 0)), sum(COALESCE(d."refundCount", 0))) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
   ORDER BY d."day"
  ON CONFLICT ("day") DO UPDATE SET
    "orders" = "SalesDay"."orders" + EXCLUDED."orders", "units" = "SalesDay"."units" + EXCLUDED."units",
    "subtotal" = "SalesDay"."subtotal" + EXCLUDED."subtotal", "discount" = "SalesDay"."discount" + EXCLUDED."discount",
    "shipping" = "SalesDay"."shipping" + EXCLUDED."shipping", "tax" = "SalesDay"."tax" + EXCLUDED."tax",
    "total" = "SalesDay"."total" + EXCLUDED."total", "refunds" = "SalesDay"."refunds" + EXCLUDED."refunds",
    "refundCount" = "SalesDay"."refundCount" + EXCLUDED."refundCount"
$$;

CREATE FUNCTION shop_sales_add_products(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero_days date[]; zero_products int[];
BEGIN
  WITH up AS (
    INSERT INTO "SalesDayProduct" ("day", "productId", "units", "revenue", "orders")
    SELECT d."day", d."productId", sum(COALESCE(d."units", 0))::int, sum(COALESCE(d."revenue", 0))::int, sum(COALESCE(d."orders", 0))::int
      FROM jsonb_populate_recordset(NULL::"SalesDayProduct", COALESCE(deltas, '[]'::jsonb)) d
     WHERE d."day" IS NOT NULL
     GROUP BY d."day", d."productId"
    HAVING (sum(COALESCE(d."units", 0)), sum(COALESCE(d."revenue", 0)), sum(COALESCE(d."orders", 0))) <> (0, 0, 0)
     ORDER BY d."day", d."productId"
    ON CONFLICT ("day", "productId") DO UPDATE SET
      "units" = "SalesDayProduct"."units" + EXCLUDED."units",
      "revenue" = "SalesDayProduct"."revenue" + EXCLUDED."revenue",
      "orders" = "SalesDayProduct"."orders" + EXCLUDED."orders"
    RETURNING "day", "productId", "orders"
  )
  SELECT array_agg("day"), array_agg("productId") INTO zero_days, zero_products FROM up WHERE "orders" = 0;
  IF zero_days IS NOT NULL THEN
    DELETE FROM "SalesDayProduct" p USING unnest(zero_days, zero_products) AS z("day", "productId")
     WHERE p."day" = z."day" AND p."productId" = z."productId" AND p."orders" = 0;
  END IF;
END $$;

-- What whole orders contribute (order figures on their paid day, lines, succeeded refunds on
-- their own days), subtracted for `removed` and added for `added` (arrays of "Order" rows; the
-- ones that do not count are ignored). Lines and refunds are read from the tables as they are.
CREATE FUNCTION shop_sales_apply_orders(removed jsonb, added jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text := shop_time_zone();
  day_deltas jsonb;
  product_deltas jsonb;
BEGIN
  WITH o AS (
    SELECT -1 AS sign, x."id", x."paidAt", x."subtotal", x."discountTotal", x."shippingTotal", x."taxTotal", x."total"
      FROM jsonb_populate_recordset(NULL::"Order", COALESCE(removed, '[]'::jsonb)) x WHERE shop_order_counted(x."status", x."paidAt")
    UNION ALL
    SELECT 1, x."id", x."paidAt", x."subtotal", x."discountTotal", x."shippingTotal", x."taxTotal", x."total"
      FROM jsonb_populate_recordset(NULL::"Order", COALESCE(added, '[]'::jsonb)) x WHERE shop_order_counted(x."status", x."paidAt")
  ),
  lines AS (
    SELECT o.sign, o."id", shop_local_day(o."paidAt", tz) AS "day", COALESCE(li."productId", 0) AS "productId",
           sum(li."quantity") AS units, sum(li."total") AS revenue
      FROM o JOIN "OrderItem" li ON li."orderId" = o."id"
     GROUP BY 1, 2, 3, 4
  ),
  days AS (
    SELECT shop_local_day(o."paidAt", tz) AS "day", o.sign AS "orders",
           o.sign * COALESCE((SELECT sum(l.units) FROM lines l WHERE l."id" = o."id" AND l.sign = o.sign), 0) AS "units",
           o.sign * o."subtotal" AS "subtotal", o.sign * o."discountTotal" AS "discount", o.sign * o."shippingTotal" AS "shipping",
           o.sign * o."taxTotal" AS "tax", o.sign * o."total" AS "total", 0 AS "refunds", 0 AS "refundCount"
      FROM o
    UNION ALL
    SELECT shop_local_day(rf."createdAt", tz), 0, 0, 0, 0, 0, 0, 0, o.sign * rf."amount", o.sign
      FROM o JOIN "Refund" rf ON rf."orderId" = o."id" AND rf."status" = 'SUCCEEDED'
  )
  SELECT (SELECT jsonb_agg(to_jsonb(d)) FROM days d),
         (SELECT jsonb_agg(jsonb_build_object('day', l."day", 'productId', l."productId", 'units', l.sign * l.units,
                                              'revenue', l.sign * l.revenue, 'orders', l.sign)) FROM lines l)
    INTO day_deltas, product_deltas;
  PERFORM shop_sales_add_days(day_deltas);
  PERFORM shop_sales_add_products(product_deltas);
END $$;

CREATE OR REPLACE FUNCTION shop_sales_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE removed jsonb; added jsonb;
BEGIN
  IF shop_sales_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(n)) INTO added FROM new_rows n WHERE shop_order_counted(n."status", n."paidAt");
  ELSE
    -- Most order updates change nothing the summary holds: fulfilment and refund statuses
    -- (processing, shipped, refunded, …) all count alike, and notes, tracking or refundedTotal
    -- are not summarised. Only counting or not, the payment date and the amounts matter.
    SELECT jsonb_agg(to_jsonb(o)), jsonb_agg(to_jsonb(n)) INTO removed, added
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
     WHERE shop_order_counted(o."status", o."paidAt") <> shop_order_counted(n."status", n."paidAt")
        OR ((shop_order_counted(o."status", o."paidAt") OR shop_order_counted(n."status", n."paidAt"))
            AND (o."paidAt", o."subtotal", o."discountTotal", o."shippingTotal", o."taxTotal", o."total")
                IS DISTINCT FROM
                (n."paidAt", n."subtotal", n."discountTotal", n."shippingTotal", n."taxTotal", n."total"));
  END IF;
  IF removed IS NOT NULL OR added IS NOT NULL THEN
    PERFORM shop_sales_apply_orders(removed, added);
  END IF;
  RETURN NULL;
END $$;

-- Runs with the order row locked and its lines and refunds still present (see the header).
CREATE FUNCTION shop_sales_order_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT shop_sales_deferred() AND shop_order_counted(OLD."status", OLD."paidAt") THEN
    PERFORM shop_sales_apply_orders(jsonb_build_array(to_jsonb(OLD)), NULL);
  END IF;
  RETURN OLD;
END $$;
DROP TRIGGER "Order_sales_delete" ON "Order";
CREATE TRIGGER "Order_sales_delete" BEFORE DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION shop_sales_order_deleting();

-- Lines: per (order, product) the lines before and after the statement, so an order counts once
-- per product however many of its lines name it. "After" is read from the table once the orders
-- are locked (it includes lines other transactions committed before we got the lock, which they
-- already added); "before" is the same minus this statement's new rows plus its old ones.
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
    SELECT shop_local_day(x."paidAt", tz) AS "day", p."productId",
           COALESCE(a.units, 0) - COALESCE(b.units, 0) AS "units",
           COALESCE(a.revenue, 0) - COALESCE(b.revenue, 0) AS "revenue",
           (COALESCE(a.n, 0) > 0)::int - (COALESCE(b.n, 0) > 0)::int AS "orders"
      FROM pairs p
      JOIN "Order" x ON x."id" = p."orderId" AND shop_order_counted(x."status", x."paidAt")
      LEFT JOIN after a USING ("orderId", "productId")
      LEFT JOIN before b USING ("orderId", "productId")
  )
  SELECT (SELECT jsonb_agg(jsonb_build_object('day', d."day", 'units', d."units")) FROM delta d),
         (SELECT jsonb_agg(to_jsonb(d)) FROM delta d)
    INTO day_deltas, product_deltas;
  PERFORM shop_sales_add_days(day_deltas);
  PERFORM shop_sales_add_products(product_deltas);
  RETURN NULL;
END $$;

-- Refunds count on their own day when they succeeded and their order counts, read under the
-- order's lock (see the header for why that is exact against a concurrent cancellation).
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
  SELECT jsonb_agg(jsonb_build_object('day', shop_local_day(r."createdAt", tz), 'refunds', r.sign * r."amount", 'refundCount', r.sign))
    INTO day_deltas
    FROM (SELECT -1 AS sign, g."orderId", g."createdAt", g."amount" FROM jsonb_populate_recordset(NULL::"Refund", gone) g
          UNION ALL
          SELECT 1, c."orderId", c."createdAt", c."amount" FROM jsonb_populate_recordset(NULL::"Refund", came) c) r
    JOIN "Order" x ON x."id" = r."orderId" AND shop_order_counted(x."status", x."paidAt");
  PERFORM shop_sales_add_days(day_deltas);
  RETURN NULL;
END $$;

-- The full-day recompute is no longer used by anything.
DROP FUNCTION shop_sales_refresh(date[]);
