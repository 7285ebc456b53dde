import { AdminSearchSchema } from "@shop/validators";
import { adminSearch } from "../../services/admin/lookup.ts";
import { router, staffProcedure } from "../../trpc.ts";
import { adminApiKeysRouter } from "./api-keys.ts";
import { adminAuditRouter } from "./audit.ts";
import { adminInventoryRouter } from "./inventory.ts";
import { adminCouponsRouter } from "./coupons.ts";
import { adminCustomersRouter } from "./customers.ts";
import { adminFunnelRouter } from "./funnel.ts";
import { adminLookupRouter } from "./lookup.ts";
import { adminMailboxRouter } from "./mailbox.ts";
import { adminOrdersRouter } from "./orders.ts";
import { adminBrandsRouter, adminCategoriesRouter } from "./catalog-structure.ts";
import { adminProductsRouter } from "./products.ts";
import { adminReportsRouter } from "./reports.ts";
import { adminReturnsRouter } from "./returns.ts";
import { adminReviewsRouter } from "./reviews.ts";
import { adminSettingsRouter } from "./settings.ts";
import { adminTodoRouter } from "./todo.ts";
import { adminWebhooksRouter } from "./webhooks.ts";

export const adminRouter = router({
  /** The shell's search box: orders by number or email, customers, products by name or SKU. */
  search: staffProcedure
    .input(AdminSearchSchema)
    .query(({ ctx, input }) => adminSearch(ctx.db, ctx.config, input.query)),
  apiKeys: adminApiKeysRouter,
  audit: adminAuditRouter,
  inventory: adminInventoryRouter,
  coupons: adminCouponsRouter,
  customers: adminCustomersRouter,
  funnel: adminFunnelRouter,
  lookup: adminLookupRouter,
  mailbox: adminMailboxRouter,
  orders: adminOrdersRouter,
  products: adminProductsRouter,
  reviews: adminReviewsRouter,
  reports: adminReportsRouter,
  returns: adminReturnsRouter,
  categories: adminCategoriesRouter,
  brands: adminBrandsRouter,
  settings: adminSettingsRouter,
  webhooks: adminWebhooksRouter,
  todo: adminTodoRouter,
});
