import { LookupInputSchema } from "@shop/validators";
import {
  lookupBrands,
  lookupCategories,
  lookupCustomers,
  lookupOrders,
  lookupProducts,
  lookupVariants,
} from "../../services/admin/lookup.ts";
import { router, staffProcedure } from "../../trpc.ts";

const lookup = staffProcedure.input(LookupInputSchema);

/** One typed search a kind of record, behind every picker in the admin (`admin.lookup.products`…). */
export const adminLookupRouter = router({
  products: lookup.query(({ ctx, input }) => lookupProducts(ctx.db, ctx.config, input)),
  variants: lookup.query(({ ctx, input }) => lookupVariants(ctx.db, ctx.config, input)),
  categories: lookup.query(({ ctx, input }) => lookupCategories(ctx.db, input)),
  brands: lookup.query(({ ctx, input }) => lookupBrands(ctx.db, input)),
  customers: lookup.query(({ ctx, input }) => lookupCustomers(ctx.db, input)),
  orders: lookup.query(({ ctx, input }) => lookupOrders(ctx.db, input)),
});
