-- AlterTable
ALTER TABLE "SalesDay" DROP CONSTRAINT "SalesDay_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "SalesDay_pkey" PRIMARY KEY ("day", "shard");

-- AlterTable
ALTER TABLE "SalesDayProduct" DROP CONSTRAINT "SalesDayProduct_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "SalesDayProduct_pkey" PRIMARY KEY ("day", "productId", "shard");

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: the summary rows are split into 8 shards per day (and per day × product) by
-- order id. The increments are exact either way; what sharding changes is contention. A
-- transaction holds the row it incremented until it commits, so with one row per day every
-- same-day payment queued behind the previous one's commit (and whatever its transaction did
-- after the order update). With 8 rows, 8 can proceed at once. An order and all its lines and
-- refunds fall in one shard, so SalesDayProduct.orders (distinct orders) still adds up across
-- shards; readers already sum the rows of a day. The rebuild shards the same way, so the kept
-- rows and a rebuild's compare row for row.
-- ───────────────────────────────────────────────────────────────────────────

CREATE FUNCTION shop_sales_shard(order_id integer) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (order_id % 8)::smallint
$$;

CREATE OR REPLACE FUNCTION shop_sales_add_days(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SalesDay" ("day", "shard", "orders", "units", "subtotal", "discount", "shipping", "tax", "total", "refunds", "refundCount")
  SELECT d."day", COALESCE(d."shard", 0), sum(COALESCE(d."orders", 0))::int, sum(COALESCE(d."units", 0))::int, sum(COALESCE(d."subtotal", 0))::int, sum(COALESCE(d."discount", 0))::int,
         sum(COALESCE(d."shipping", 0))::int, sum(COALESCE(d."tax", 0))::int, sum(COALESCE(d."total", 0))::int, sum(COALESCE(d."refunds", 0))::int, sum(COALESCE(d."refundCount", 0))::int
    FROM jsonb_populate_recordset(NULL::"SalesDay", COALESCE(deltas, '[]'::jsonb)) d
   WHERE d."day" IS NOT NULL
   GROUP BY d."day", COALESCE(d."shard", 0)
  HAVING (sum(COALESCE(d."orders", 0)), sum(COALESCE(d."units", 0)), sum(COALESCE(d."subtotal", 0)), sum(COALESCE(d."discount", 0)), sum(COALESCE(d."shipping", 0)), sum(COALESCE(d."tax", 0)),
          sum(COALESCE(d."total", 0)), sum(COALESCE(d."refunds", 0)), sum(COALESCE(d."refundCount", 0))) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
   ORDER BY d."day", COALESCE(d."shard", 0)
  ON CONFLICT ("day", "shard") DO UPDATE SET
    "orders" = "SalesDay"."orders" + EXCLUDED."orders", "units" = "SalesDay"."units" + EXCLUDED."units",
    "subtotal" = "SalesDay"."subtotal" + EXCLUDED."subtotal", "discount" = "SalesDay"."discount" + EXCLUDED."discount",
    "shipping" = "SalesDay"."shipping" + EXCLUDED."shipping", "tax" = "SalesDay"."tax" + EXCLUDED."tax",
    "total" = "SalesDay"."total" + EXCLUDED."total", "refunds" = "SalesDay"."refunds" + EXCLUDED."refunds",
    "refundCount" = "SalesDay"."refundCount" + EXCLUDED."refundCount"
$$;

CREATE OR REPLACE FUNCTION shop_sales_add_products(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero_days date[]; zero_products int[]; zero_shards smallint[];
BEGIN
  WITH up AS (
    INSERT INTO "SalesDayProduct" ("day", "productId", "shard", "units", "revenue", "orders")
    SELECT d."day", d."productId", COALESCE(d."shard", 0), sum(COALESCE(d."units", 0))::int, sum(COALESCE(d."revenue", 0))::int, sum(COALESCE(d."orders", 0))::int
      FROM jsonb_populate_recordset(NULL::"SalesDayProduct", COALESCE(deltas, '[]'::jsonb)) d
     WHERE d."day" IS NOT NULL
     GROUP BY d."day", d."productId", COALESCE(d."shard", 0)
    HAVING (sum(COALESCE(d."units", 0)), sum(COALESCE(d."revenue", 0)), sum(COALESCE(d."orders", 0))) <> (0, 0, 0)
     ORDER BY d."day", d."productId", COALESCE(d."shard", 0)
    ON CONFLICT ("day", "productId", "shard") DO UPDATE SET
      "units" = "SalesDayProduct"."units" + EXCLUDED."units",
      "revenue" = "SalesDayProduct"."revenue" + EXCLUDED."revenue",
      "orders" = "SalesDayProduct"."orders" + EXCLUDED."orders"
    RETURNING "day", "productId", "shard", "orders"
  )
  SELECT array_agg("day"), array_agg("productId"), array_agg("shard") INTO zero_days, zero_products, zero_shards FROM up WHERE "orders" = 0;
  IF zero_days IS NOT NULL THEN
    DELETE FROM "SalesDayProduct" p USING unnest(zero_days, zero_products, zero_shards) AS z("day", "productId", "shard")
     WHERE p."day" = z."day" AND p."productId" = z."productId" AND p."shard" = z."shard" AND p."orders" = 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_apply_orders(removed jsonb, added jsonb) RETURNS void LANGUAGE plpgsql AS $$
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
      JOIN "Order" x ON x."id" = p."orderId" AND shop_order_counted(x."status", x."paidAt")
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
    JOIN "Order" x ON x."id" = r."orderId" AND shop_order_counted(x."status", x."paidAt");
  PERFORM shop_sales_add_days(day_deltas);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_sales_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz text := shop_time_zone();
BEGIN
  DELETE FROM "SalesDayProduct";
  DELETE FROM "SalesDay";
  WITH o AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", count(*)::int AS orders, sum(x."subtotal")::int AS subtotal,
           sum(x."discountTotal")::int AS discount, sum(x."shippingTotal")::int AS shipping, sum(x."taxTotal")::int AS tax,
           sum(x."total")::int AS total
      FROM "Order" x WHERE shop_order_counted(x."status", x."paidAt") GROUP BY 1, 2),
  i AS (
    SELECT shop_local_day(x."paidAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", sum(li."quantity")::int AS units
      FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
     WHERE shop_order_counted(x."status", x."paidAt") GROUP BY 1, 2),
  r AS (
    SELECT shop_local_day(rf."createdAt", tz) AS "day", shop_sales_shard(x."id") AS "shard", count(*)::int AS n, sum(rf."amount")::int AS amount
      FROM "Refund" rf JOIN "Order" x ON x."id" = rf."orderId"
     WHERE rf."status" = 'SUCCEEDED' AND shop_order_counted(x."status", x."paidAt") GROUP BY 1, 2)
  INSERT INTO "SalesDay" ("day", "shard", "orders", "subtotal", "discount", "shipping", "tax", "total", "units", "refunds", "refundCount")
  SELECT COALESCE(o."day", r."day"), COALESCE(o."shard", r."shard"), COALESCE(o.orders, 0), COALESCE(o.subtotal, 0), COALESCE(o.discount, 0),
         COALESCE(o.shipping, 0), COALESCE(o.tax, 0), COALESCE(o.total, 0), COALESCE(i.units, 0),
         COALESCE(r.amount, 0), COALESCE(r.n, 0)
    FROM o LEFT JOIN i ON i."day" = o."day" AND i."shard" = o."shard" FULL JOIN r ON r."day" = o."day" AND r."shard" = o."shard";
  INSERT INTO "SalesDayProduct" ("day", "productId", "shard", "units", "revenue", "orders")
  SELECT shop_local_day(x."paidAt", tz), COALESCE(li."productId", 0), shop_sales_shard(x."id"), sum(li."quantity")::int, sum(li."total")::int,
         count(DISTINCT x."id")::int
    FROM "Order" x JOIN "OrderItem" li ON li."orderId" = x."id"
   WHERE shop_order_counted(x."status", x."paidAt")
   GROUP BY 1, 2, 3;
END $$;

-- Existing rows all sit in shard 0: spread them.
SELECT shop_sales_rebuild();
