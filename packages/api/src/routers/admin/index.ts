import { router } from "../../trpc.ts";
import { adminCustomersRouter } from "./customers.ts";
import { adminMailboxRouter } from "./mailbox.ts";
import { adminProductsRouter } from "./products.ts";

export const adminRouter = router({
  customers: adminCustomersRouter,
  mailbox: adminMailboxRouter,
  products: adminProductsRouter,
});
