import { AdminSearchSchema } from "@shop/validators";
import { adminSearch } from "../../services/admin/search.ts";
import { router, staffProcedure } from "../../trpc.ts";
import { adminAuditRouter } from "./audit.ts";
import { adminInventoryRouter } from "./inventory.ts";
import { adminCouponsRouter } from "./coupons.ts";
import { adminCustomersRouter } from "./customers.ts";
import { adminFunnelRouter } from "./funnel.ts";
import { adminMailboxRouter } from "./mailbox.ts";
import { adminOrdersRouter } from "./orders.ts";
import { adminBrandsRouter, adminCategoriesRouter } from "./catalog-structure.ts";
import { adminProductsRouter } from "./products.ts";
import { adminReportsRouter } from "./reports.ts";
import { adminReviewsRouter } from "./reviews.ts";
import { adminSettingsRouter } from "./settings.ts";

export const adminRouter = router({
  /** The shell's search box: orders by number, customers by email, products by name or SKU. */
  search: staffProcedure.input(AdminSearchSchema).query(({ ctx, input }) => adminSearch(ctx.db, input.query)),
  audit: adminAuditRouter,
  inventory: adminInventoryRouter,
  coupons: adminCouponsRouter,
  customers: adminCustomersRouter,
  funnel: adminFunnelRouter,
  mailbox: adminMailboxRouter,
  orders: adminOrdersRouter,
  products: adminProductsRouter,
  reviews: adminReviewsRouter,
  reports: adminReportsRouter,
  categories: adminCategoriesRouter,
  brands: adminBrandsRouter,
  settings: adminSettingsRouter,
});
