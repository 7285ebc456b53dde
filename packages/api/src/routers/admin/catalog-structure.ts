import {
  BrandCreateSchema,
  BrandUpdateSchema,
  CategoryCreateSchema,
  CategoryMoveSchema,
  CategoryUpdateSchema,
  IdInputSchema,
} from "@shop/validators";
import { createBrand, deleteBrand, listAdminBrands, updateBrand } from "../../services/admin/brands.ts";
import {
  createCategory,
  deleteCategory,
  listAdminCategories,
  moveCategory,
  updateCategory,
} from "../../services/admin/categories.ts";
import { router, staffProcedure } from "../../trpc.ts";

// Staff edits here change what shoppers see: the server empties the catalog caches after each.
const catalogEdit = staffProcedure.meta({ invalidatesCatalog: true });

export const adminCategoriesRouter = router({
  list: staffProcedure.query(({ ctx }) => listAdminCategories(ctx.db)),
  create: catalogEdit
    .input(CategoryCreateSchema)
    .mutation(({ ctx, input }) => createCategory(ctx.db, ctx.auth.user, input)),
  update: catalogEdit
    .input(CategoryUpdateSchema)
    .mutation(({ ctx, input }) => updateCategory(ctx.db, ctx.auth.user, input)),
  move: catalogEdit.input(CategoryMoveSchema).mutation(({ ctx, input }) => moveCategory(ctx.db, ctx.auth.user, input)),
  delete: catalogEdit
    .input(IdInputSchema)
    .mutation(({ ctx, input }) => deleteCategory(ctx.db, ctx.auth.user, input.id)),
});

export const adminBrandsRouter = router({
  list: staffProcedure.query(({ ctx }) => listAdminBrands(ctx.db)),
  create: catalogEdit.input(BrandCreateSchema).mutation(({ ctx, input }) => createBrand(ctx.db, ctx.auth.user, input)),
  update: catalogEdit.input(BrandUpdateSchema).mutation(({ ctx, input }) => updateBrand(ctx.db, ctx.auth.user, input)),
  delete: catalogEdit.input(IdInputSchema).mutation(({ ctx, input }) => deleteBrand(ctx.db, ctx.auth.user, input.id)),
});
