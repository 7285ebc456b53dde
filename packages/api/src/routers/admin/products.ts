import {
  AdminProductListSchema,
  IdInputSchema,
  ImagesUpdateSchema,
  ImageUploadSchema,
  ProductBulkActionSchema,
  ProductCreateSchema,
  ProductUpdateSchema,
} from "@shop/validators";
import { z } from "zod";
import { exportProductsCsv } from "../../services/admin/csv/export.ts";
import { importProductsCsv } from "../../services/admin/csv/import.ts";
import { listAdminProducts } from "../../services/admin/list-products.ts";
import { bulkUpdateProducts } from "../../services/admin/products/bulk.ts";
import { getAdminProduct } from "../../services/admin/products/get-product.ts";
import { updateImages, uploadImage } from "../../services/admin/products/images.ts";
import { createProduct, updateProduct } from "../../services/admin/products/save-product.ts";
import { router, staffProcedure } from "../../trpc.ts";

// Staff edits here change what shoppers see: the server empties the catalog caches after each.
const catalogEdit = staffProcedure.meta({ invalidatesCatalog: true });

export const adminProductsRouter = router({
  list: staffProcedure
    .input(AdminProductListSchema)
    .query(({ ctx, input }) => listAdminProducts(ctx.db, ctx.config, input)),
  get: staffProcedure.input(IdInputSchema).query(({ ctx, input }) => getAdminProduct(ctx.db, ctx.config, input.id)),
  create: catalogEdit
    .input(ProductCreateSchema)
    .mutation(({ ctx, input }) => createProduct(ctx.db, ctx.auth.user, input)),
  update: catalogEdit
    .input(ProductUpdateSchema)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.auth.user, input)),
  /** Publish, unpublish, archive, feature or unfeature a selection. */
  bulk: catalogEdit
    .input(ProductBulkActionSchema)
    .mutation(({ ctx, input }) => bulkUpdateProducts(ctx.db, ctx.auth.user, input)),
  uploadImage: catalogEdit
    .input(ImageUploadSchema)
    .mutation(({ ctx, input }) => uploadImage(ctx.db, ctx.config, ctx.auth.user, input)),
  updateImages: catalogEdit
    .input(ImagesUpdateSchema)
    .mutation(({ ctx, input }) => updateImages(ctx.db, ctx.config, ctx.auth.user, input)),
  exportCsv: staffProcedure.query(({ ctx }) => exportProductsCsv(ctx.db)),
  importCsv: catalogEdit
    .input(
      z
        .object({
          csv: z.string().min(1).max(12_000_000, "Files may be at most 12 MB"),
          dryRun: z.boolean().default(false),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => importProductsCsv(ctx.db, ctx.auth.user, input)),
});
