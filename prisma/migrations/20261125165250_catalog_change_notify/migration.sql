-- Hand-written: NOTIFY shop_catalog whenever something shoppers see in the catalog changes,
-- whichever code path changed it (staff edits, checkouts flipping availability, expiries,
-- ratings). Every server instance LISTENs and drops its cached catalog responses. NOTIFY is
-- delivered on commit and identical notifications within a transaction are folded into one.

CREATE FUNCTION shop_notify_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('shop_catalog', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- Products: anything shown on a card, a listing or a product page (not units sold, which only
-- reorders "best selling" and would otherwise invalidate on every order).
CREATE TRIGGER "Product_notify_catalog" AFTER INSERT OR DELETE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "Product_notify_catalog_update" AFTER UPDATE ON "Product" FOR EACH ROW
  WHEN ((OLD."name", OLD."slug", OLD."status", OLD."description", OLD."featured", OLD."seoTitle", OLD."seoDescription",
         OLD."categoryId", OLD."brandId", OLD."priceMin", OLD."priceMax", OLD."inStock", OLD."ratingAverage", OLD."ratingCount",
         OLD."brandName", OLD."brandSlug", OLD."imagePath", OLD."imageAlt")
        IS DISTINCT FROM
        (NEW."name", NEW."slug", NEW."status", NEW."description", NEW."featured", NEW."seoTitle", NEW."seoDescription",
         NEW."categoryId", NEW."brandId", NEW."priceMin", NEW."priceMax", NEW."inStock", NEW."ratingAverage", NEW."ratingCount",
         NEW."brandName", NEW."brandSlug", NEW."imagePath", NEW."imageAlt"))
  EXECUTE FUNCTION shop_notify_catalog();

-- Variants: prices, titles and whether each one can be bought (not every stock level).
CREATE TRIGGER "Variant_notify_catalog" AFTER INSERT OR DELETE ON "Variant"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "Variant_notify_catalog_update" AFTER UPDATE ON "Variant" FOR EACH ROW
  WHEN (OLD."price" IS DISTINCT FROM NEW."price"
        OR OLD."compareAtPrice" IS DISTINCT FROM NEW."compareAtPrice"
        OR OLD."title" IS DISTINCT FROM NEW."title"
        OR OLD."sku" IS DISTINCT FROM NEW."sku"
        OR (OLD."stockOnHand" > OLD."reserved") IS DISTINCT FROM (NEW."stockOnHand" > NEW."reserved"))
  EXECUTE FUNCTION shop_notify_catalog();

-- The catalog's structure and pictures.
CREATE TRIGGER "Category_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "Brand_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "Brand"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "ProductImage_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "ProductImage"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "ProductOption_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "ProductOption"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "ProductOptionValue_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "ProductOptionValue"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
CREATE TRIGGER "VariantOptionValue_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "VariantOptionValue"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
