import type { ApiClients } from "@shop/client";
import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout.tsx";
import { PageSkeleton } from "./components/page-skeleton.tsx";
import { RequireShopper } from "./components/require-shopper.tsx";
import { RouteError } from "./components/route-error.tsx";
import { HomePage, prefetchHome } from "./pages/home.tsx";

// Each page is its own chunk: a shopper downloads only the code of the pages they visit. The
// home page, where most visits start, is in the entry chunk (one round trip less before it
// paints). Loaders start a page's queries at once, in parallel with its chunk; they return
// nothing and never wait, so navigation is not held up.
export const createRouter = ({ queryClient, trpc }: ApiClients) =>
  createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      HydrateFallback: PageSkeleton,
      children: [
        {
          index: true,
          Component: HomePage,
          loader: () => {
            prefetchHome(queryClient, trpc);
            return null;
          },
        },
        { path: "sign-in", lazy: async () => ({ Component: (await import("./pages/sign-in.tsx")).SignInPage }) },
        { path: "sign-up", lazy: async () => ({ Component: (await import("./pages/sign-up.tsx")).SignUpPage }) },
        {
          path: "sign-up/confirm",
          lazy: async () => ({ Component: (await import("./pages/confirm-sign-up.tsx")).ConfirmSignUpPage }),
        },
        {
          path: "forgot-password",
          lazy: async () => ({ Component: (await import("./pages/forgot-password.tsx")).ForgotPasswordPage }),
        },
        {
          path: "reset-password",
          lazy: async () => ({ Component: (await import("./pages/reset-password.tsx")).ResetPasswordPage }),
        },
        { path: "cart", lazy: async () => ({ Component: (await import("./pages/cart.tsx")).CartPage }) },
        {
          path: "checkout",
          lazy: async () => ({ Component: (await import("./pages/checkout/index.tsx")).CheckoutPage }),
        },
        {
          path: "order-confirmation/:number",
          lazy: async () => ({ Component: (await import("./pages/order-confirmation.tsx")).OrderConfirmationPage }),
        },
        {
          path: "orders/lookup",
          lazy: async () => ({ Component: (await import("./pages/orders/lookup.tsx")).OrderLookupPage }),
        },
        {
          path: "orders/:number",
          lazy: async () => ({ Component: (await import("./pages/orders/detail.tsx")).OrderPage }),
        },
        {
          path: "account",
          element: <RequireShopper />,
          children: [
            {
              lazy: async () => ({ Component: (await import("./pages/account/layout.tsx")).AccountLayout }),
              children: [
                {
                  index: true,
                  lazy: async () => ({ Component: (await import("./pages/account/profile.tsx")).ProfilePage }),
                },
                {
                  path: "addresses",
                  lazy: async () => ({ Component: (await import("./pages/account/addresses.tsx")).AddressesPage }),
                },
                {
                  path: "sessions",
                  lazy: async () => ({ Component: (await import("./pages/account/sessions.tsx")).SessionsPage }),
                },
                {
                  path: "orders",
                  lazy: async () => ({ Component: (await import("./pages/account/orders.tsx")).MyOrdersPage }),
                },
                {
                  path: "wishlist",
                  lazy: async () => ({ Component: (await import("./pages/account/wishlist.tsx")).WishlistPage }),
                },
                {
                  path: "reviews",
                  lazy: async () => ({ Component: (await import("./pages/account/reviews.tsx")).MyReviewsPage }),
                },
              ],
            },
          ],
        },
        { path: "search", lazy: async () => ({ Component: (await import("./pages/listing.tsx")).ListingPage }) },
        { path: "c/:slug", lazy: async () => ({ Component: (await import("./pages/listing.tsx")).ListingPage }) },
        {
          path: "p/:slug",
          lazy: async () => ({ Component: (await import("./pages/product.tsx")).ProductPage }),
          loader: ({ params }) => {
            void queryClient.prefetchQuery(trpc.catalog.get.queryOptions({ slug: params.slug ?? "" }));
            return null;
          },
        },
        { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found.tsx")).NotFoundPage }) },
      ],
    },
  ]);
