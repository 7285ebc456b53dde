-- CreateTable
CREATE TABLE "CategorySlugHistory" (
    "slug" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CategorySlugHistory_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "CategorySlugHistory_categoryId_idx" ON "CategorySlugHistory"("categoryId");

-- AddForeignKey
ALTER TABLE "CategorySlugHistory" ADD CONSTRAINT "CategorySlugHistory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: every rename leaves the old slug behind, whatever code path renamed the category
-- (the admin, the API, SQL), so old links keep working with a 301. A live slug always wins: when a
-- category takes a slug that is in the history, the history row goes.
CREATE FUNCTION shop_category_slug_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CategorySlugHistory" WHERE "slug" = NEW."slug";
  IF TG_OP = 'UPDATE' AND OLD."slug" IS DISTINCT FROM NEW."slug" THEN
    INSERT INTO "CategorySlugHistory" ("slug", "categoryId") VALUES (OLD."slug", NEW."id")
      ON CONFLICT ("slug") DO UPDATE SET "categoryId" = EXCLUDED."categoryId", "createdAt" = now();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Category_slug_history" AFTER INSERT OR UPDATE OF "slug" ON "Category"
  FOR EACH ROW EXECUTE FUNCTION shop_category_slug_history();
