import { accountRouter } from "./routers/account.ts";
import { adminRouter } from "./routers/admin/index.ts";
import { analyticsRouter } from "./routers/analytics.ts";
import { authRouter } from "./routers/auth.ts";
import { cartRouter } from "./routers/cart.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { checkoutRouter } from "./routers/checkout.ts";
import { ordersRouter } from "./routers/orders.ts";
import { paymentsRouter } from "./routers/payments.ts";
import { reviewsRouter } from "./routers/reviews.ts";
import { wishlistRouter } from "./routers/wishlist.ts";
import { createCallerFactory, router } from "./trpc.ts";

// Shopper namespaces at the top level; everything staff-only under `admin`.
export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  reviews: reviewsRouter,
  wishlist: wishlistRouter,
  analytics: analyticsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
