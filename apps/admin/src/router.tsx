import { Skeleton } from "@shop/ui";
import { createBrowserRouter } from "react-router";
import { RequireStaff } from "./components/require-staff.tsx";
import { RouteError } from "./components/route-error.tsx";
import { Shell } from "./components/shell.tsx";

export const router = createBrowserRouter(
  [
    {
      path: "/sign-in",
      errorElement: <RouteError />,
      lazy: async () => ({ Component: (await import("./pages/sign-in.tsx")).SignInPage }),
    },
    {
      element: <RequireStaff />,
      errorElement: <RouteError />,
      HydrateFallback: () => <Skeleton className="m-8 h-40" />,
      children: [
        {
          element: <Shell />,
          children: [
            { index: true, lazy: async () => ({ Component: (await import("./pages/home.tsx")).HomePage }) },
            {
              path: "dashboard",
              lazy: async () => ({ Component: (await import("./pages/dashboard/index.tsx")).DashboardPage }),
            },
            {
              path: "reports",
              lazy: async () => ({ Component: (await import("./pages/reports/index.tsx")).ReportsPage }),
            },
            {
              path: "reports/:report",
              lazy: async () => ({ Component: (await import("./pages/reports/index.tsx")).ReportsPage }),
            },
            {
              path: "products",
              lazy: async () => ({ Component: (await import("./pages/products.tsx")).ProductsPage }),
            },
            {
              path: "customers",
              lazy: async () => ({ Component: (await import("./pages/customers/list.tsx")).CustomersPage }),
            },
            {
              path: "customers/:id",
              lazy: async () => ({ Component: (await import("./pages/customers/detail.tsx")).CustomerPage }),
            },
            { path: "orders", lazy: async () => ({ Component: (await import("./pages/orders/list.tsx")).OrdersPage }) },
            {
              path: "orders/slips",
              lazy: async () => ({ Component: (await import("./pages/orders/slips.tsx")).PackingSlipsPage }),
            },
            {
              path: "orders/:id",
              lazy: async () => ({ Component: (await import("./pages/orders/detail.tsx")).OrderPage }),
            },
            {
              path: "coupons",
              lazy: async () => ({ Component: (await import("./pages/coupons/list.tsx")).CouponsPage }),
            },
            {
              path: "coupons/new",
              lazy: async () => ({ Component: (await import("./pages/coupons/new.tsx")).NewCouponPage }),
            },
            {
              path: "coupons/:id",
              lazy: async () => ({ Component: (await import("./pages/coupons/detail.tsx")).CouponPage }),
            },
            {
              path: "returns",
              lazy: async () => ({ Component: (await import("./pages/returns/index.tsx")).ReturnsPage }),
            },
            {
              path: "reviews",
              lazy: async () => ({ Component: (await import("./pages/reviews/index.tsx")).ReviewsPage }),
            },
            { path: "funnel", lazy: async () => ({ Component: (await import("./pages/funnel.tsx")).FunnelPage }) },
            {
              path: "webhooks",
              lazy: async () => ({ Component: (await import("./pages/webhooks/list.tsx")).WebhooksPage }),
            },
            {
              path: "webhooks/:id",
              lazy: async () => ({ Component: (await import("./pages/webhooks/detail.tsx")).WebhookPage }),
            },
            {
              path: "mailbox",
              lazy: async () => ({ Component: (await import("./pages/mailbox/index.tsx")).MailboxPage }),
            },
            {
              path: "products/new",
              lazy: async () => ({ Component: (await import("./pages/product-edit.tsx")).ProductEditPage }),
            },
            {
              path: "products/import",
              lazy: async () => ({ Component: (await import("./pages/import-export.tsx")).ImportExportPage }),
            },
            {
              path: "products/:id",
              lazy: async () => ({ Component: (await import("./pages/product-edit.tsx")).ProductEditPage }),
            },
            {
              path: "inventory",
              lazy: async () => ({ Component: (await import("./pages/inventory/list.tsx")).InventoryPage }),
            },
            {
              path: "inventory/import",
              lazy: async () => ({ Component: (await import("./pages/inventory/import.tsx")).StockImportPage }),
            },
            {
              path: "inventory/:variantId",
              lazy: async () => ({ Component: (await import("./pages/inventory/variant.tsx")).VariantStockPage }),
            },
            {
              path: "api-keys",
              lazy: async () => ({ Component: (await import("./pages/api-keys/index.tsx")).ApiKeysPage }),
            },
            { path: "audit", lazy: async () => ({ Component: (await import("./pages/audit/index.tsx")).AuditPage }) },
            {
              path: "categories",
              lazy: async () => ({ Component: (await import("./pages/categories.tsx")).CategoriesPage }),
            },
            { path: "brands", lazy: async () => ({ Component: (await import("./pages/brands.tsx")).BrandsPage }) },
            { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found.tsx")).NotFoundPage }) },
          ],
        },
      ],
    },
  ],
  { basename: "/admin" },
);
