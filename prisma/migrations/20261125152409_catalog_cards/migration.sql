-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "brandName" TEXT,
ADD COLUMN     "brandSlug" TEXT,
ADD COLUMN     "imageAlt" TEXT,
ADD COLUMN     "imageHeight" INTEGER,
ADD COLUMN     "imagePath" TEXT,
ADD COLUMN     "imageWidth" INTEGER;

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: keep the card columns (brand name/slug, primary image) in step with Brand and
-- ProductImage, so listing pages read one row per product and join nothing.

CREATE FUNCTION shop_product_card_brand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- No row (no brand) sets both to NULL.
  SELECT b."name", b."slug" INTO NEW."brandName", NEW."brandSlug" FROM "Brand" b WHERE b."id" = NEW."brandId";
  RETURN NEW;
END $$;

CREATE TRIGGER "Product_card_brand" BEFORE INSERT OR UPDATE OF "brandId" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION shop_product_card_brand();

CREATE FUNCTION shop_brand_card_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Product" SET "brandName" = NEW."name", "brandSlug" = NEW."slug" WHERE "brandId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Brand_card_changed" AFTER UPDATE OF "name", "slug" ON "Brand"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."slug" IS DISTINCT FROM NEW."slug")
  EXECUTE FUNCTION shop_brand_card_changed();

-- The primary image is the one with the lowest position (then the lowest id).
CREATE FUNCTION shop_refresh_product_image(product_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF product_ids IS NULL OR cardinality(product_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE "Product" p
     SET "imagePath" = s."path", "imageAlt" = s."alt", "imageWidth" = s."width", "imageHeight" = s."height"
    FROM (
      SELECT ids.id, img."path", img."alt", img."width", img."height"
        FROM unnest(product_ids) AS ids(id)
        LEFT JOIN LATERAL (
          SELECT i."path", i."alt", i."width", i."height" FROM "ProductImage" i
           WHERE i."productId" = ids.id ORDER BY i."position", i."id" LIMIT 1
        ) img ON true
    ) s
   WHERE p."id" = s.id
     AND (p."imagePath", p."imageAlt", p."imageWidth", p."imageHeight") IS DISTINCT FROM (s."path", s."alt", s."width", s."height");
END $$;

CREATE FUNCTION shop_images_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM shop_refresh_product_image(ARRAY(SELECT DISTINCT "productId" FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION shop_images_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM shop_refresh_product_image(ARRAY(SELECT DISTINCT "productId" FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION shop_images_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM shop_refresh_product_image(ARRAY(
    SELECT "productId" FROM new_rows UNION SELECT "productId" FROM old_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductImage_card_insert" AFTER INSERT ON "ProductImage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_images_inserted();
CREATE TRIGGER "ProductImage_card_delete" AFTER DELETE ON "ProductImage"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_images_deleted();
CREATE TRIGGER "ProductImage_card_update" AFTER UPDATE ON "ProductImage"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_images_updated();

UPDATE "Product" p SET "brandName" = b."name", "brandSlug" = b."slug" FROM "Brand" b WHERE b."id" = p."brandId";
SELECT shop_refresh_product_image(ARRAY(SELECT "id" FROM "Product"));
