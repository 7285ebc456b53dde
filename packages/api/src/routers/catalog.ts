import { CatalogFiltersSchema, CatalogListSchema, CatalogProductSchema, CatalogSuggestSchema } from "@shop/validators";
import { listBrands } from "../services/catalog/brands.ts";
import { categoryTree } from "../services/catalog/categories.ts";
import { facetCounts } from "../services/catalog/facets.ts";
import { getProduct } from "../services/catalog/get-product.ts";
import { listProducts } from "../services/catalog/list-products.ts";
import { suggest } from "../services/catalog/suggest.ts";
import { publicProcedure, router } from "../trpc.ts";

export const catalogRouter = router({
  /** A page of products for any filters and sort; facet counts come from `facets` (same filters). */
  list: publicProcedure.input(CatalogListSchema).query(({ ctx, input }) => listProducts(ctx.db, ctx.config, input)),
  facets: publicProcedure.input(CatalogFiltersSchema).query(({ ctx, input }) => facetCounts(ctx.db, ctx.config, input)),
  suggest: publicProcedure.input(CatalogSuggestSchema).query(({ ctx, input }) => suggest(ctx.db, ctx.config, input.q)),
  get: publicProcedure
    .input(CatalogProductSchema)
    .query(({ ctx, input }) => getProduct(ctx.db, ctx.config, input.slug)),
  categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.db)),
  brands: publicProcedure.query(({ ctx }) => listBrands(ctx.db)),
});
