-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "ratingAverage" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING GIST ("term" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Product_status_ratingAverage_id_idx" ON "Product"("status", "ratingAverage" DESC, "id");

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: triggers that keep the catalog's denormalised columns and the search
-- dictionary right. Prisma's differ ignores them.

-- Product.ratingAverage/ratingCount copy ProductRating, so the rating filter and sort read
-- the product row (and its index) alone.
CREATE FUNCTION shop_product_rating_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Product" SET "ratingAverage" = 0, "ratingCount" = 0 WHERE "id" = OLD."productId";
    RETURN NULL;
  END IF;
  UPDATE "Product" SET "ratingAverage" = NEW."average", "ratingCount" = NEW."count"
   WHERE "id" = NEW."productId"
     AND ("ratingAverage", "ratingCount") IS DISTINCT FROM (NEW."average", NEW."count");
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductRating_copy_to_product" AFTER INSERT OR UPDATE OR DELETE ON "ProductRating"
  FOR EACH ROW EXECUTE FUNCTION shop_product_rating_copy();

UPDATE "Product" p SET "ratingAverage" = r."average", "ratingCount" = r."count"
  FROM "ProductRating" r WHERE r."productId" = p."id";

-- The search dictionary: lower-cased words of names, descriptions, brands and categories.
-- Typo correction finds the nearest word by trigram distance; completion by prefix.
CREATE FUNCTION shop_words(p_text TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(COALESCE(p_text, '')), '[^[:alnum:]]+') AS w
   WHERE length(w) BETWEEN 2 AND 40
$$;

CREATE FUNCTION shop_product_terms_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchTerm" ("term")
  SELECT DISTINCT w FROM new_rows, shop_words(new_rows."name" || ' ' || new_rows."description") AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "Product_search_terms_insert" AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shop_product_terms_inserted();

CREATE FUNCTION shop_product_terms_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchTerm" ("term") SELECT w FROM shop_words(NEW."name" || ' ' || NEW."description") AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Brands and categories: only their name.
CREATE FUNCTION shop_name_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchTerm" ("term") SELECT w FROM shop_words(NEW."name") AS w ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "Product_search_terms_update" AFTER UPDATE OF "name", "description" ON "Product"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."description" IS DISTINCT FROM NEW."description")
  EXECUTE FUNCTION shop_product_terms_updated();
CREATE TRIGGER "Brand_search_terms" AFTER INSERT OR UPDATE OF "name" ON "Brand"
  FOR EACH ROW EXECUTE FUNCTION shop_name_terms();
CREATE TRIGGER "Category_search_terms" AFTER INSERT OR UPDATE OF "name" ON "Category"
  FOR EACH ROW EXECUTE FUNCTION shop_name_terms();

INSERT INTO "SearchTerm" ("term")
SELECT w FROM "Product", shop_words("name" || ' ' || "description") AS w
UNION SELECT w FROM "Brand", shop_words("name") AS w
UNION SELECT w FROM "Category", shop_words("name") AS w
ON CONFLICT DO NOTHING;
