import { router } from "../../trpc.ts";
import { adminCouponsRouter } from "./coupons.ts";
import { adminCustomersRouter } from "./customers.ts";
import { adminMailboxRouter } from "./mailbox.ts";
import { adminOrdersRouter } from "./orders.ts";
import { adminBrandsRouter, adminCategoriesRouter } from "./catalog-structure.ts";
import { adminProductsRouter } from "./products.ts";
import { adminReportsRouter } from "./reports.ts";
import { adminReviewsRouter } from "./reviews.ts";
import { adminSettingsRouter } from "./settings.ts";

export const adminRouter = router({
  coupons: adminCouponsRouter,
  customers: adminCustomersRouter,
  mailbox: adminMailboxRouter,
  orders: adminOrdersRouter,
  products: adminProductsRouter,
  reviews: adminReviewsRouter,
  reports: adminReportsRouter,
  categories: adminCategoriesRouter,
  brands: adminBrandsRouter,
  settings: adminSettingsRouter,
});
