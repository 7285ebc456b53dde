-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "optionKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: Product."optionKeys" holds every option value of the product as name U+001F
-- value, sorted, so facet counts over a filtered set read a product's options from its own row.
-- Kept by triggers on ProductOption and ProductOptionValue under the same rule as FacetCount:
-- the product's row is locked first (FOR NO KEY UPDATE), then the keys are read from the tables
-- in a fresh statement, so of two transactions changing one product's options the second
-- recomputes from what the first committed. The control character cannot reach a name or a
-- value: the API refuses control characters in every text it takes.
-- ───────────────────────────────────────────────────────────────────────────

CREATE FUNCTION shop_option_keys(product_id integer) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(o."name" || chr(31) || v."value" ORDER BY o."name" || chr(31) || v."value"), ARRAY[]::text[])
    FROM "ProductOption" o JOIN "ProductOptionValue" v ON v."optionId" = o."id"
   WHERE o."productId" = product_id
$$;

CREATE FUNCTION shop_option_keys_refresh(product_id integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE keys text[];
BEGIN
  PERFORM 1 FROM "Product" WHERE "id" = product_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  keys := shop_option_keys(product_id);
  UPDATE "Product" SET "optionKeys" = keys WHERE "id" = product_id AND "optionKeys" IS DISTINCT FROM keys;
END $$;

CREATE FUNCTION shop_option_keys_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE product_id integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT "productId" INTO product_id FROM "ProductOption" WHERE "id" = OLD."optionId";
    IF FOUND THEN PERFORM shop_option_keys_refresh(product_id); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT "productId" INTO product_id FROM "ProductOption" WHERE "id" = NEW."optionId";
    IF FOUND THEN PERFORM shop_option_keys_refresh(product_id); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductOptionValue_keys_insert" AFTER INSERT ON "ProductOptionValue" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_option_keys_value_changed();
CREATE TRIGGER "ProductOptionValue_keys_update" AFTER UPDATE ON "ProductOptionValue" FOR EACH ROW
  WHEN ((OLD."value" IS DISTINCT FROM NEW."value" OR OLD."optionId" IS DISTINCT FROM NEW."optionId") AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_option_keys_value_changed();
CREATE TRIGGER "ProductOptionValue_keys_delete" AFTER DELETE ON "ProductOptionValue" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_option_keys_value_changed();

-- An option renamed, moved or deleted. AFTER DELETE runs before the cascade deletes its values
-- (triggers fire in name order, and the cascade's are named "RI_…"), but the deleted option no
-- longer joins, so its values are already out of the keys.
CREATE FUNCTION shop_option_keys_option_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM shop_option_keys_refresh(OLD."productId");
  IF TG_OP = 'UPDATE' AND NEW."productId" <> OLD."productId" THEN PERFORM shop_option_keys_refresh(NEW."productId"); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductOption_keys_update" AFTER UPDATE ON "ProductOption" FOR EACH ROW
  WHEN ((OLD."name" IS DISTINCT FROM NEW."name" OR OLD."productId" IS DISTINCT FROM NEW."productId") AND NOT shop_facets_deferred())
  EXECUTE FUNCTION shop_option_keys_option_changed();
CREATE TRIGGER "ProductOption_keys_delete" AFTER DELETE ON "ProductOption" FOR EACH ROW
  WHEN (NOT shop_facets_deferred()) EXECUTE FUNCTION shop_option_keys_option_changed();

-- The rebuild (after a deferred bulk load such as the seed's) recomputes the keys first.
CREATE OR REPLACE FUNCTION shop_facets_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "FacetCount" IN EXCLUSIVE MODE;
  UPDATE "Product" p SET "optionKeys" = k.keys
    FROM (SELECT p2."id", COALESCE(array_agg(o."name" || chr(31) || v."value" ORDER BY o."name" || chr(31) || v."value")
                                   FILTER (WHERE o."id" IS NOT NULL), ARRAY[]::text[]) AS keys
            FROM "Product" p2
            LEFT JOIN "ProductOption" o ON o."productId" = p2."id"
            LEFT JOIN "ProductOptionValue" v ON v."optionId" = o."id"
           GROUP BY p2."id") k
   WHERE k."id" = p."id" AND p."optionKeys" IS DISTINCT FROM k.keys;
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

-- Option filters test the keys with && (any of the values), through this index.
CREATE INDEX "Product_optionKeys_idx" ON "Product" USING gin ("optionKeys");
