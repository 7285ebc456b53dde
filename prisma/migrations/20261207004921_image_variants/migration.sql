-- An image may show several variants (a colour's picture shows every size in that colour):
-- the single ProductImage."variantId" becomes a link table, keeping every existing link.

-- CreateTable
CREATE TABLE "ProductImageVariant" (
    "imageId" INTEGER NOT NULL,
    "variantId" INTEGER NOT NULL,

    CONSTRAINT "ProductImageVariant_pkey" PRIMARY KEY ("imageId","variantId")
);

-- CreateIndex
CREATE INDEX "ProductImageVariant_variantId_idx" ON "ProductImageVariant"("variantId");

-- AddForeignKey
ALTER TABLE "ProductImageVariant" ADD CONSTRAINT "ProductImageVariant_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "ProductImage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImageVariant" ADD CONSTRAINT "ProductImageVariant_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the links made so far move over before the column goes.
INSERT INTO "ProductImageVariant" ("imageId", "variantId")
  SELECT "id", "variantId" FROM "ProductImage" WHERE "variantId" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "ProductImage" DROP CONSTRAINT "ProductImage_variantId_fkey";

-- DropIndex
DROP INDEX "ProductImage_variantId_idx";

-- AlterTable
ALTER TABLE "ProductImage" DROP COLUMN "variantId";

-- Hand-written: a product page shows which image a variant has, so a changed link empties the
-- catalog caches like any other change to the pictures.
CREATE TRIGGER "ProductImageVariant_notify_catalog" AFTER INSERT OR UPDATE OR DELETE ON "ProductImageVariant"
  FOR EACH STATEMENT EXECUTE FUNCTION shop_notify_catalog();
