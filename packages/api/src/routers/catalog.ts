import { CatalogListSchema } from "@shop/validators";
import { listProducts } from "../services/catalog/list-products.ts";
import { publicProcedure, router } from "../trpc.ts";

export const catalogRouter = router({
  list: publicProcedure.input(CatalogListSchema).query(({ ctx, input }) => listProducts(ctx.db, ctx.config, input)),
});
