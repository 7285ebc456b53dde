import { router } from "../../trpc.ts";
import { adminCouponsRouter } from "./coupons.ts";
import { adminCustomersRouter } from "./customers.ts";
import { adminFunnelRouter } from "./funnel.ts";
import { adminMailboxRouter } from "./mailbox.ts";
import { adminOrdersRouter } from "./orders.ts";
import { adminBrandsRouter, adminCategoriesRouter } from "./catalog-structure.ts";
import { adminProductsRouter } from "./products.ts";
import { adminReviewsRouter } from "./reviews.ts";
import { adminSettingsRouter } from "./settings.ts";

export const adminRouter = router({
  coupons: adminCouponsRouter,
  customers: adminCustomersRouter,
  funnel: adminFunnelRouter,
  mailbox: adminMailboxRouter,
  orders: adminOrdersRouter,
  products: adminProductsRouter,
  reviews: adminReviewsRouter,
  categories: adminCategoriesRouter,
  brands: adminBrandsRouter,
  settings: adminSettingsRouter,
});
