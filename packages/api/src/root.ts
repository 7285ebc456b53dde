import { accountRouter } from "./routers/account.ts";
import { adminRouter } from "./routers/admin/index.ts";
import { authRouter } from "./routers/auth.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { createCallerFactory, router } from "./trpc.ts";

// Shopper namespaces at the top level; everything staff-only under `admin`.
export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  catalog: catalogRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
