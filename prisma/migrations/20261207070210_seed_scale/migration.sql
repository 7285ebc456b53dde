-- CreateIndex
CREATE INDEX "ProductImage_path_idx" ON "ProductImage"("path");

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: what a seed of a million products needs (see packages/db/src/seed).
--
-- 1. Image rows may share a file. The seed draws a few hundred pictures, one per product shape,
-- colour and brand hue, whatever the number of products (the same drawing is the same file), so
-- many rows show one file. A removed or replaced image's files are queued for deletion only when
-- no image row shows them any more (the index above finds such a row), and each file once per
-- statement. Uploads always get a new key, so for them nothing changes. Two transactions removing
-- the last two rows of one file at the same time each still see the other's row and queue
-- nothing: the file is left behind (unreferenced files are harmless, as after a failed upload),
-- never deleted while shown.
CREATE OR REPLACE FUNCTION shop_queue_media_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone JSONB;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('path', g."path", 'width', g."width", 'widths', to_jsonb(g."widths")))
      INTO gone
      FROM (SELECT DISTINCT o."path", o."width", o."widths" FROM old_rows o
             WHERE NOT EXISTS (SELECT 1 FROM "ProductImage" i WHERE i."path" = o."path")) g;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('path', g."path", 'width', g."width", 'widths', to_jsonb(g."widths")))
      INTO gone
      FROM (SELECT DISTINCT o."path", o."width", o."widths" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
             WHERE n."path" IS DISTINCT FROM o."path"
               AND NOT EXISTS (SELECT 1 FROM "ProductImage" i WHERE i."path" = o."path")) g;
  END IF;
  IF gone IS NOT NULL THEN
    -- Storage may be away for a while: up to 20 tries, backing off to an hour apart.
    INSERT INTO "Job" ("type", "payload", "maxAttempts") VALUES ('media.delete', jsonb_build_object('images', gone), 20);
  END IF;
  RETURN NULL;
END $$;

-- 2. The search document is the ranking document (name A, brand B, category C) plus the
-- description (D): the trigger computes the title once and appends the description, instead of
-- computing name, brand and category twice. Same documents, about half the text-search work on
-- every product write (a bulk insert of products spent most of its time here).
CREATE FUNCTION shop_product_search_description(p_description TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english', COALESCE(p_description, '')), 'D')
$$;

CREATE OR REPLACE FUNCTION shop_product_search_vector(p_name TEXT, p_description TEXT, p_brand INTEGER, p_category INTEGER)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT shop_product_search_title(p_name, p_brand, p_category) || shop_product_search_description(p_description)
$$;

CREATE OR REPLACE FUNCTION shop_product_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchTitle" := shop_product_search_title(NEW."name", NEW."brandId", NEW."categoryId");
  NEW."searchVector" := NEW."searchTitle" || shop_product_search_description(NEW."description");
  RETURN NEW;
END $$;

-- 3. The dictionary's words of inserted products (shop_product_terms_inserted, below with 4.):
-- each distinct space-separated piece is split into words once, instead of every product's text
-- on its own. Spaces never join words, so the words are the same (a bulk insert of products
-- repeats a few hundred pieces).
--
-- 4. A bulk load (the seed's million products) may fill in the product columns that triggers
-- derive itself, in its INSERT … SELECT: the search documents, the brand's name and slug, the card
-- columns its variants and primary image give (priceMin, priceMax, inStock, image*), and the new
-- words of the dictionary once at the end. With the transaction-local setting
-- shop.product_columns = 'deferred' the insert triggers leave that to it: row by row they cost
-- most of such a load, and the Variant and ProductImage ones, planned without statistics of the
-- tables being filled, read more of them with every batch. Without the setting (every other
-- write) they run as before. The seed's test checks the columns it fills against these functions.
CREATE FUNCTION shop_product_columns_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT COALESCE(current_setting('shop.product_columns', true), '') = 'deferred'
$$;

DROP TRIGGER "Product_search_vector" ON "Product";
CREATE TRIGGER "Product_search_vector" BEFORE INSERT OR UPDATE OF "name", "description", "brandId", "categoryId" ON "Product"
  FOR EACH ROW WHEN (NOT shop_product_columns_deferred()) EXECUTE FUNCTION shop_product_search_update();

DROP TRIGGER "Product_card_brand" ON "Product";
CREATE TRIGGER "Product_card_brand" BEFORE INSERT OR UPDATE OF "brandId" ON "Product"
  FOR EACH ROW WHEN (NOT shop_product_columns_deferred()) EXECUTE FUNCTION shop_product_card_brand();

CREATE OR REPLACE FUNCTION shop_product_terms_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_product_columns_deferred() THEN
    RETURN NULL;
  END IF;
  INSERT INTO "SearchTerm" ("term")
  SELECT DISTINCT w
    FROM (SELECT DISTINCT piece FROM new_rows, string_to_table(new_rows."name" || ' ' || new_rows."description", ' ') AS piece) p,
         shop_words(p.piece) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_variant_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_product_columns_deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM shop_refresh_product_summary(ARRAY(SELECT DISTINCT "productId" FROM new_rows));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION shop_images_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_product_columns_deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM shop_refresh_product_image(ARRAY(SELECT DISTINCT "productId" FROM new_rows));
  RETURN NULL;
END $$;

-- 5. A product or variant inserted queues a webhook event, run at commit, which emits nothing
-- when no endpoint wants it. A bulk load that has checked that no endpoint wants product events,
-- holding a SHARE lock on WebhookEndpoint until it commits (so none can start wanting them), sets
-- shop.product_webhooks = 'unwanted' and queues none: the outcome is the same without a million
-- deferred events, and without them PostgreSQL lets it rebuild the tables' indexes at the end.
CREATE FUNCTION shop_product_webhooks_unwanted() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT COALESCE(current_setting('shop.product_webhooks', true), '') = 'unwanted'
$$;

DROP TRIGGER "Product_webhook_created" ON "Product";
CREATE CONSTRAINT TRIGGER "Product_webhook_created" AFTER INSERT ON "Product"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT shop_product_webhooks_unwanted())
  EXECUTE FUNCTION shop_webhook_product_trigger();

DROP TRIGGER "Variant_webhook_added_or_removed" ON "Variant";
CREATE CONSTRAINT TRIGGER "Variant_webhook_added_or_removed" AFTER INSERT OR DELETE ON "Variant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT shop_product_webhooks_unwanted())
  EXECUTE FUNCTION shop_webhook_variant_trigger();
