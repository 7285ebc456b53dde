import { router } from "../../trpc.ts";
import { adminBrandsRouter, adminCategoriesRouter } from "./catalog-structure.ts";
import { adminProductsRouter } from "./products.ts";

export const adminRouter = router({
  products: adminProductsRouter,
  categories: adminCategoriesRouter,
  brands: adminBrandsRouter,
});
