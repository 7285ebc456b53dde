-- CreateTable
CREATE TABLE "ProductSlugHistory" (
    "slug" TEXT NOT NULL,
    "productId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductSlugHistory_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ProductSlugHistory_productId_idx" ON "ProductSlugHistory"("productId");

-- AddForeignKey
ALTER TABLE "ProductSlugHistory" ADD CONSTRAINT "ProductSlugHistory_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: every rename leaves the old slug behind, whatever code path renamed the product
-- (the admin editor, a CSV import, SQL), so old links keep working with a 301. A live slug always
-- wins: when a product takes a slug that is in the history, the history row goes.
CREATE FUNCTION shop_product_slug_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ProductSlugHistory" WHERE "slug" = NEW."slug";
  IF TG_OP = 'UPDATE' AND OLD."slug" IS DISTINCT FROM NEW."slug" THEN
    INSERT INTO "ProductSlugHistory" ("slug", "productId") VALUES (OLD."slug", NEW."id")
      ON CONFLICT ("slug") DO UPDATE SET "productId" = EXCLUDED."productId", "createdAt" = now();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Product_slug_history" AFTER INSERT OR UPDATE OF "slug" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION shop_product_slug_history();
