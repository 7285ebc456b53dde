import type { Page } from "playwright-core";
import { firstHref, type UxRoute } from "./types.ts";

const paidOrder = firstHref("/admin/orders?payment=PAID&fulfillment=UNFULFILLED", "[data-testid=order-row] a");
const deliveredOrder = firstHref("/admin/orders?fulfillment=DELIVERED", "[data-testid=order-row] a");
const openDialog = (button: string) => async (page: Page) => {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("dialog").waitFor();
};

/**
 * Every back-office screen, for the accessibility and responsive checks. Add new pages here;
 * use `as: "admin"` for what only admins may see.
 */
export const adminRoutes: UxRoute[] = [
  { name: "sign in", as: "guest", path: "/admin/sign-in" },
  { name: "to do", as: "staff", path: "/admin" },
  { name: "dashboard", as: "staff", path: "/admin/dashboard" },
  { name: "reports, sales", as: "staff", path: "/admin/reports" },
  { name: "reports, products", as: "staff", path: "/admin/reports/products" },
  { name: "funnel", as: "staff", path: "/admin/funnel" },
  { name: "inventory", as: "staff", path: "/admin/inventory" },
  { name: "inventory, low stock", as: "staff", path: "/admin/inventory?low=1" },
  { name: "inventory, variant", as: "staff", path: firstHref("/admin/inventory", "[data-testid=stock-row] a") },
  { name: "inventory import", as: "staff", path: "/admin/inventory/import" },
  { name: "products", as: "staff", path: "/admin/products" },
  { name: "product, new", as: "staff", path: "/admin/products/new" },
  { name: "product, edit", as: "staff", path: firstHref("/admin/products", "[data-testid=product-row] a") },
  { name: "products import", as: "staff", path: "/admin/products/import" },
  { name: "orders", as: "staff", path: "/admin/orders" },
  { name: "order", as: "staff", path: paidOrder },
  { name: "order, ship dialog", as: "staff", path: paidOrder, then: openDialog("Ship a parcel…") },
  { name: "order, delivered with its parcel", as: "staff", path: deliveredOrder },
  { name: "orders, with payment attempts", as: "staff", path: "/admin/orders?attempts=1&payment=VOIDED" },
  { name: "order, cancel dialog", as: "staff", path: paidOrder, then: openDialog("Cancel order…") },
  { name: "orders, packing slips", as: "staff", path: "/admin/orders/slips?ids=1,2,3" },
  { name: "returns", as: "staff", path: "/admin/returns" },
  { name: "returns, to process", as: "staff", path: "/admin/returns?status=OPEN" },
  { name: "customers", as: "staff", path: "/admin/customers" },
  { name: "customer", as: "staff", path: firstHref("/admin/customers", "[data-testid=customer-row] a") },
  { name: "coupons", as: "staff", path: "/admin/coupons" },
  { name: "coupon", as: "staff", path: firstHref("/admin/coupons", "[data-testid=coupon-row] a") },
  { name: "reviews", as: "staff", path: "/admin/reviews" },
  { name: "mailbox", as: "staff", path: "/admin/mailbox" },
  { name: "categories", as: "staff", path: "/admin/categories" },
  { name: "brands", as: "staff", path: "/admin/brands" },
  { name: "not found", as: "staff", path: "/admin/no-such-page" },
  { name: "coupon, new (admin)", as: "admin", path: "/admin/coupons/new" },
  { name: "customers (admin)", as: "admin", path: "/admin/customers" },
  { name: "orders, archived, with the setting (admin)", as: "admin", path: "/admin/orders?archived=all" },
  { name: "audit (admin)", as: "admin", path: "/admin/audit" },
  { name: "api keys (admin)", as: "admin", path: "/admin/api-keys" },
  { name: "returns with the window form (admin)", as: "admin", path: "/admin/returns" },
  { name: "webhooks (admin)", as: "admin", path: "/admin/webhooks" },
];
