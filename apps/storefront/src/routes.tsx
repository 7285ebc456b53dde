import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { Layout } from "./components/layout.tsx";
import { PageError } from "./components/page-error.tsx";
import { PageSkeleton } from "./components/page-skeleton.tsx";
import { RequireShopper } from "./components/require-shopper.tsx";
import { RouteError } from "./components/route-error.tsx";
import {
  loadBrand,
  loadHome,
  loader,
  loadLayout,
  loadListing,
  loadProduct,
  notFound,
  type ClientsFor,
  type RenderMode,
} from "./lib/loaders.ts";
import { HomePage } from "./pages/home.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";

/**
 * A lazy page's source module (the server preloads its chunk in the HTML) and, for pages whose head
 * does not depend on data, their title: the layout renders it, with noindex (private pages).
 */
export type RouteHandle = { module: string; title?: string };

// Each page is its own chunk: a shopper downloads only the code of the pages they visit. The home
// page, where most visits start, is in the entry chunk. The same routes run on the server (loaders
// wait for the page's data and set status codes) and in the browser (loaders only start queries):
// see src/lib/loaders.ts.
export function createRoutes(mode: RenderMode, clients: ClientsFor) {
  const page = (
    path: string | undefined,
    module: string,
    load: () => Promise<ComponentType>,
    title?: string,
  ): RouteObject => ({
    ...(path === undefined ? { index: true } : { path }),
    lazy: async () => ({ Component: await load() }),
    handle: { module, title } satisfies RouteHandle,
  });
  const listing = () => import("./pages/listing.tsx").then((m) => m.ListingPage);
  const pages: RouteObject[] = [
    { index: true, Component: HomePage, loader: loader(mode, clients, loadHome) },
    page("sign-in", "src/pages/sign-in.tsx", () => import("./pages/sign-in.tsx").then((m) => m.SignInPage), "Sign in"),
    page(
      "sign-up",
      "src/pages/sign-up.tsx",
      () => import("./pages/sign-up.tsx").then((m) => m.SignUpPage),
      "Create an account",
    ),
    page(
      "sign-up/confirm",
      "src/pages/confirm-sign-up.tsx",
      () => import("./pages/confirm-sign-up.tsx").then((m) => m.ConfirmSignUpPage),
      "Finish creating your account",
    ),
    page(
      "forgot-password",
      "src/pages/forgot-password.tsx",
      () => import("./pages/forgot-password.tsx").then((m) => m.ForgotPasswordPage),
      "Forgot your password",
    ),
    page(
      "reset-password",
      "src/pages/reset-password.tsx",
      () => import("./pages/reset-password.tsx").then((m) => m.ResetPasswordPage),
      "Choose a new password",
    ),
    page("cart", "src/pages/cart.tsx", () => import("./pages/cart.tsx").then((m) => m.CartPage), "Your cart"),
    page(
      "checkout",
      "src/pages/checkout/index.tsx",
      () => import("./pages/checkout/index.tsx").then((m) => m.CheckoutPage),
      "Checkout",
    ),
    page(
      "order-confirmation/:number",
      "src/pages/order-confirmation.tsx",
      () => import("./pages/order-confirmation.tsx").then((m) => m.OrderConfirmationPage),
      "Order confirmed",
    ),
    page(
      "orders/lookup",
      "src/pages/orders/lookup.tsx",
      () => import("./pages/orders/lookup.tsx").then((m) => m.OrderLookupPage),
      "Find an order",
    ),
    page(
      "orders/:number",
      "src/pages/orders/detail.tsx",
      () => import("./pages/orders/detail.tsx").then((m) => m.OrderPage),
      "Your order",
    ),
    {
      path: "account",
      element: <RequireShopper />,
      children: [
        {
          lazy: async () => ({ Component: (await import("./pages/account/layout.tsx")).AccountLayout }),
          handle: { module: "src/pages/account/layout.tsx", title: "Your account" } satisfies RouteHandle,
          children: [
            page(undefined, "src/pages/account/profile.tsx", () =>
              import("./pages/account/profile.tsx").then((m) => m.ProfilePage),
            ),
            page("addresses", "src/pages/account/addresses.tsx", () =>
              import("./pages/account/addresses.tsx").then((m) => m.AddressesPage),
            ),
            page("sessions", "src/pages/account/sessions.tsx", () =>
              import("./pages/account/sessions.tsx").then((m) => m.SessionsPage),
            ),
            page("orders", "src/pages/account/orders.tsx", () =>
              import("./pages/account/orders.tsx").then((m) => m.MyOrdersPage),
            ),
            page("wishlist", "src/pages/account/wishlist.tsx", () =>
              import("./pages/account/wishlist.tsx").then((m) => m.WishlistPage),
            ),
            page("reviews", "src/pages/account/reviews.tsx", () =>
              import("./pages/account/reviews.tsx").then((m) => m.MyReviewsPage),
            ),
          ],
        },
      ],
    },
    { ...page("search", "src/pages/listing.tsx", listing), loader: loader(mode, clients, loadListing) },
    { ...page("c/:slug", "src/pages/listing.tsx", listing), loader: loader(mode, clients, loadListing) },
    {
      ...page("brands/:slug", "src/pages/brand.tsx", () => import("./pages/brand.tsx").then((m) => m.BrandPage)),
      loader: loader(mode, clients, loadBrand),
    },
    {
      ...page("p/:slug", "src/pages/product.tsx", () => import("./pages/product.tsx").then((m) => m.ProductPage)),
      loader: loader(mode, clients, loadProduct(mode)),
    },
    // The loader answers 404 (PageError shows NotFoundPage); the component only keeps the router quiet.
    { path: "*", loader: notFound, Component: NotFoundPage },
  ];
  return [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      HydrateFallback: PageSkeleton,
      loader: loader(mode, clients, loadLayout),
      // Page errors (404, 410, failures) render inside the layout, header and all.
      children: [{ errorElement: <PageError />, children: pages }],
    },
  ] satisfies RouteObject[];
}
