import { router } from "../../trpc.ts";
import { adminProductsRouter } from "./products.ts";

export const adminRouter = router({
  products: adminProductsRouter,
});
