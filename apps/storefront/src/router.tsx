import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout.tsx";
import { RouteError } from "./components/route-error.tsx";
import { PageSkeleton } from "./components/page-skeleton.tsx";

// Each page is its own chunk: a shopper downloads only the code of the pages they visit.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    HydrateFallback: PageSkeleton,
    children: [
      { index: true, lazy: async () => ({ Component: (await import("./pages/home.tsx")).HomePage }) },
      { path: "search", lazy: async () => ({ Component: (await import("./pages/listing.tsx")).ListingPage }) },
      { path: "c/:slug", lazy: async () => ({ Component: (await import("./pages/listing.tsx")).ListingPage }) },
      { path: "p/:slug", lazy: async () => ({ Component: (await import("./pages/product.tsx")).ProductPage }) },
      { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found.tsx")).NotFoundPage }) },
    ],
  },
]);
