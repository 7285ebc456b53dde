-- CreateTable
CREATE TABLE "FacetCount" (
    "categoryId" INTEGER NOT NULL,
    "facet" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FacetCount_pkey" PRIMARY KEY ("categoryId","facet","key","value")
);

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: facet counts kept by exact increments, as the sales summary is. A product adds
-- one row per facet it shows under (see shop_facet_keys) while it is ACTIVE; every change that
-- moves it adds its new rows and subtracts its old ones, so the counts equal what counting the
-- products would give (shop_facets_rebuild does that count, and the tests compare the two).
--
-- Exactness under concurrency rests on the PRODUCT row lock. An UPDATE or DELETE of a product
-- holds it; the option and option-value triggers take it (FOR NO KEY UPDATE) before they read
-- the product. Under READ COMMITTED each statement of a trigger function takes a fresh snapshot,
-- so whichever transaction gets the lock second reads what the first committed: a product
-- archived while a staff member adds a colour either subtracts the colour too (the colour went
-- first) or the colour's trigger finds the product no longer active and adds nothing.
-- Deletes cascade from Product to ProductOption to ProductOptionValue after the parent row is
-- gone, so a parent's whole contribution is taken out by a BEFORE DELETE trigger while its
-- children are still there; the cascaded children's triggers then find no parent and add
-- nothing. Zero rows are kept (readers skip them): no delete can race an increment.
-- ───────────────────────────────────────────────────────────────────────────

-- The price facet's buckets: upper bounds (exclusive, minor units), the last bucket open.
-- The catalog's facet query uses this function too, so the two cannot disagree.
CREATE FUNCTION shop_price_bucket(price integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(price, ARRAY[2500, 5000, 10000, 25000, 50000, 100000, 200000]::int[])
$$;

-- The seed inserts its catalogue in bulk with the triggers deferred, then rebuilds once.
CREATE FUNCTION shop_facets_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT COALESCE(current_setting('shop.facet_counts', true), '') = 'deferred'
$$;

-- The facet rows an ACTIVE product counts under, options read from the tables as they are.
CREATE FUNCTION shop_facet_keys(product_id integer, category_id integer, brand_id integer, price_min integer,
                                rating_count integer, rating_average double precision)
RETURNS TABLE ("categoryId" integer, "facet" text, "key" text, "value" text) LANGUAGE sql STABLE AS $$
  SELECT COALESCE(category_id, 0), f.facet, f.key, f.value
    FROM (
      SELECT 'total'::text AS facet, ''::text AS key, ''::text AS value
      UNION ALL SELECT 'brand', brand_id::text, '' WHERE brand_id IS NOT NULL
      UNION ALL SELECT 'price', shop_price_bucket(price_min)::text, ''
      UNION ALL SELECT 'rating', floor(rating_average)::int::text, '' WHERE rating_count > 0
      UNION ALL SELECT 'option', o."name", v."value"
                  FROM "ProductOption" o JOIN "ProductOptionValue" v ON v."optionId" = o."id"
                 WHERE o."productId" = product_id
    ) f
$$;

-- Adds signed rows, grouped, in key order (two transactions lock shared rows in one order).
CREATE FUNCTION shop_facets_add(keys "FacetCount"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "FacetCount" ("categoryId", "facet", "key", "value", "count")
  SELECT k."categoryId", k."facet", k."key", k."value", sum(k."count")::int
    FROM unnest(keys) k
   GROUP BY 1, 2, 3, 4
  HAVING sum(k."count") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("categoryId", "facet", "key", "value") DO UPDATE SET "count" = "FacetCount"."count" + EXCLUDED."count"
$$;

CREATE FUNCTION shop_facets_product_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys "FacetCount"[];
BEGIN
  SELECT array_agg(ROW(x."categoryId", x."facet", x."key", x."value", x.sign)::"FacetCount") INTO keys
    FROM (
      SELECT k.*, -1 AS sign
        FROM shop_facet_keys(OLD."id", OLD."categoryId", OLD."brandId", OLD."priceMin", OLD."ratingCount", OLD."ratingAverage") k
       WHERE TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'ACTIVE'
      UNION ALL
      SELECT k.*, 1
        FROM shop_facet_keys(NEW."id", NEW."categoryId", NEW."brandId", NEW."priceMin", NEW."ratingCount", NEW."ratingAverage") k
       WHERE TG_OP IN ('UPDATE', 'INSERT') AND NEW."status" = 'ACTIVE'
    ) x;
  IF keys IS NOT NULL THEN PERFORM shop_facets_add(keys); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END $$;

-- Checkout changes inStock and unitsSold on every order: the WHEN keeps those updates free.
CREATE TRIGGER "Product_facets_insert" AFTER INSERT ON "Product" FOR EACH ROW
  WHEN (NEW."status" = 'ACTIVE' AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_facets_product_changed();
CREATE TRIGGER "Product_facets_update" AFTER UPDATE ON "Product" FOR EACH ROW
  WHEN ((OLD."status" = 'ACTIVE' OR NEW."status" = 'ACTIVE') AND NOT shop_facets_deferred() AND (
        OLD."status" IS DISTINCT FROM NEW."status" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
     OR OLD."brandId" IS DISTINCT FROM NEW."brandId"
     OR shop_price_bucket(OLD."priceMin") IS DISTINCT FROM shop_price_bucket(NEW."priceMin")
     OR (OLD."ratingCount" > 0) IS DISTINCT FROM (NEW."ratingCount" > 0)
     OR floor(OLD."ratingAverage") IS DISTINCT FROM floor(NEW."ratingAverage")))
  EXECUTE FUNCTION shop_facets_product_changed();
CREATE TRIGGER "Product_facets_delete" BEFORE DELETE ON "Product" FOR EACH ROW
  WHEN (OLD."status" = 'ACTIVE' AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_facets_product_changed();

-- One option value of one product, signed, if that product is ACTIVE: read under its row lock.
-- No product row (deleted by this transaction, its rows already taken out) adds nothing.
CREATE FUNCTION shop_facets_option_rows(product_id integer, option_name text, option_value text, sign integer)
RETURNS SETOF "FacetCount" LANGUAGE plpgsql AS $$
DECLARE p record;
BEGIN
  SELECT "status", "categoryId" INTO p FROM "Product" WHERE "id" = product_id FOR NO KEY UPDATE;
  IF FOUND AND p."status" = 'ACTIVE' THEN
    RETURN NEXT ROW(COALESCE(p."categoryId", 0), 'option', option_name, option_value, sign)::"FacetCount";
  END IF;
END $$;

CREATE FUNCTION shop_facets_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys "FacetCount"[]; o record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "productId", "name" INTO o FROM "ProductOption" WHERE "id" = OLD."optionId";
    IF FOUND THEN keys := keys || ARRAY(SELECT shop_facets_option_rows(o."productId", o."name", OLD."value", -1)); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT "productId", "name" INTO o FROM "ProductOption" WHERE "id" = NEW."optionId";
    IF FOUND THEN keys := keys || ARRAY(SELECT shop_facets_option_rows(o."productId", o."name", NEW."value", 1)); END IF;
  END IF;
  IF keys IS NOT NULL THEN PERFORM shop_facets_add(keys); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductOptionValue_facets_insert" AFTER INSERT ON "ProductOptionValue" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_facets_value_changed();
CREATE TRIGGER "ProductOptionValue_facets_update" AFTER UPDATE ON "ProductOptionValue" FOR EACH ROW
  WHEN ((OLD."value" IS DISTINCT FROM NEW."value" OR OLD."optionId" IS DISTINCT FROM NEW."optionId") AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_facets_value_changed();
CREATE TRIGGER "ProductOptionValue_facets_delete" AFTER DELETE ON "ProductOptionValue" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_facets_value_changed();

-- An option renamed, moved or deleted: each of its values, under the old and the new name.
CREATE FUNCTION shop_facets_option_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys "FacetCount"[]; v text;
BEGIN
  FOR v IN SELECT "value" FROM "ProductOptionValue" WHERE "optionId" = OLD."id" ORDER BY "value" LOOP
    keys := keys || ARRAY(SELECT shop_facets_option_rows(OLD."productId", OLD."name", v, -1));
    IF TG_OP = 'UPDATE' THEN
      keys := keys || ARRAY(SELECT shop_facets_option_rows(NEW."productId", NEW."name", v, 1));
    END IF;
  END LOOP;
  IF keys IS NOT NULL THEN PERFORM shop_facets_add(keys); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductOption_facets_update" AFTER UPDATE ON "ProductOption" FOR EACH ROW
  WHEN ((OLD."name" IS DISTINCT FROM NEW."name" OR OLD."productId" IS DISTINCT FROM NEW."productId") AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_facets_option_changed();
CREATE TRIGGER "ProductOption_facets_delete" BEFORE DELETE ON "ProductOption" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_facets_option_changed();

-- Counts every active product again. The table lock makes concurrent increments wait for the
-- rebuild's commit; they then apply on top of counts that did not include their changes (each
-- statement here reads what was committed before it began), so nothing is counted twice.
CREATE FUNCTION shop_facets_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "FacetCount" IN EXCLUSIVE MODE;
  DELETE FROM "FacetCount";
  INSERT INTO "FacetCount" ("categoryId", "facet", "key", "value", "count")
  SELECT c, f, k, v, count(*)::int FROM (
    SELECT COALESCE(p."categoryId", 0) AS c, 'total' AS f, '' AS k, '' AS v FROM "Product" p WHERE p."status" = 'ACTIVE'
    UNION ALL
    SELECT COALESCE(p."categoryId", 0), 'brand', p."brandId"::text, '' FROM "Product" p
     WHERE p."status" = 'ACTIVE' AND p."brandId" IS NOT NULL
    UNION ALL
    SELECT COALESCE(p."categoryId", 0), 'price', shop_price_bucket(p."priceMin")::text, '' FROM "Product" p WHERE p."status" = 'ACTIVE'
    UNION ALL
    SELECT COALESCE(p."categoryId", 0), 'rating', floor(p."ratingAverage")::int::text, '' FROM "Product" p
     WHERE p."status" = 'ACTIVE' AND p."ratingCount" > 0
    UNION ALL
    SELECT COALESCE(p."categoryId", 0), 'option', o."name", v."value"
      FROM "Product" p JOIN "ProductOption" o ON o."productId" = p."id" JOIN "ProductOptionValue" v ON v."optionId" = o."id"
     WHERE p."status" = 'ACTIVE'
  ) x
  GROUP BY 1, 2, 3, 4;
END $$;

SELECT shop_facets_rebuild();
