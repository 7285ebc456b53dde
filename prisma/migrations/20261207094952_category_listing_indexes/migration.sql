-- DropIndex
DROP INDEX "Product_categoryId_status_idx";

-- CreateIndex
CREATE INDEX "Product_categoryId_status_createdAt_id_idx" ON "Product"("categoryId", "status", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_status_priceMin_id_idx" ON "Product"("categoryId", "status", "priceMin", "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_status_unitsSold_id_idx" ON "Product"("categoryId", "status", "unitsSold" DESC, "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_status_ratingAverage_id_idx" ON "Product"("categoryId", "status", "ratingAverage" DESC, "id");
