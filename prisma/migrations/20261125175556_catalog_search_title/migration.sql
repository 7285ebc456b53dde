-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchTitle" tsvector;

-- Hand-written: the ranking document beside the matching one. Ranking every match of a broad
-- query on the whole document (description included) cost PostgreSQL ~2 µs a row; on name,
-- brand and category it is a fraction of that (docs/architecture.md, "Catalog performance").
CREATE FUNCTION shop_product_search_title(p_name TEXT, p_brand INTEGER, p_category INTEGER)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', COALESCE(p_name, '')), 'A')
      || setweight(to_tsvector('english', COALESCE((SELECT "name" FROM "Brand" WHERE "id" = p_brand), '')), 'B')
      || setweight(to_tsvector('english', COALESCE((SELECT "name" FROM "Category" WHERE "id" = p_category), '')), 'C')
$$;

CREATE OR REPLACE FUNCTION shop_product_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := shop_product_search_vector(NEW."name", NEW."description", NEW."brandId", NEW."categoryId");
  NEW."searchTitle" := shop_product_search_title(NEW."name", NEW."brandId", NEW."categoryId");
  RETURN NEW;
END $$;

UPDATE "Product" SET "searchTitle" = shop_product_search_title("name", "brandId", "categoryId");
