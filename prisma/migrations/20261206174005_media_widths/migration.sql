-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "imageWidths" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "ProductImage" ADD COLUMN     "widths" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: the primary image's widths are a card column too (srcset on listing pages).

CREATE OR REPLACE FUNCTION shop_refresh_product_image(product_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF product_ids IS NULL OR cardinality(product_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE "Product" p
     SET "imagePath" = s."path", "imageAlt" = s."alt", "imageWidth" = s."width", "imageHeight" = s."height",
         "imageWidths" = COALESCE(s."widths", ARRAY[]::INTEGER[])
    FROM (
      SELECT ids.id, img."path", img."alt", img."width", img."height", img."widths"
        FROM unnest(product_ids) AS ids(id)
        LEFT JOIN LATERAL (
          SELECT i."path", i."alt", i."width", i."height", i."widths" FROM "ProductImage" i
           WHERE i."productId" = ids.id ORDER BY i."position", i."id" LIMIT 1
        ) img ON true
    ) s
   WHERE p."id" = s.id
     AND (p."imagePath", p."imageAlt", p."imageWidth", p."imageHeight", p."imageWidths")
         IS DISTINCT FROM (s."path", s."alt", s."width", s."height", COALESCE(s."widths", ARRAY[]::INTEGER[]));
END $$;

-- Deleting an image (or a product, by cascade) or replacing its file queues the old files for
-- deletion in the same transaction: the media worker removes them from storage after the
-- commit, so a rolled-back change never loses a file and a committed one never leaks one.
CREATE FUNCTION shop_queue_media_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone JSONB;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('path', o."path", 'width', o."width", 'widths', to_jsonb(o."widths")))
      INTO gone FROM old_rows o;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('path', o."path", 'width', o."width", 'widths', to_jsonb(o."widths")))
      INTO gone FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."path" IS DISTINCT FROM o."path";
  END IF;
  IF gone IS NOT NULL THEN
    -- Storage may be away for a while: up to 20 tries, backing off to an hour apart.
    INSERT INTO "Job" ("type", "payload", "maxAttempts") VALUES ('media.delete', jsonb_build_object('images', gone), 20);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductImage_media_delete" AFTER DELETE ON "ProductImage"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_queue_media_deletion();
CREATE TRIGGER "ProductImage_media_replace" AFTER UPDATE ON "ProductImage"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_queue_media_deletion();
