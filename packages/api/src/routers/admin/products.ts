import { AdminProductListSchema } from "@shop/validators";
import { listAdminProducts } from "../../services/admin/list-products.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const adminProductsRouter = router({
  list: staffProcedure
    .input(AdminProductListSchema)
    .query(({ ctx, input }) => listAdminProducts(ctx.db, ctx.config, input)),
});
