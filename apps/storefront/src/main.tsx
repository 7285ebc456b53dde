import { createClients } from "@shop/client";
import { setDisplayLocale } from "@shop/ui";
import { hydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from "react-router";
import { App } from "./app.tsx";
import { createRoutes } from "./routes.tsx";
import { Document } from "./ssr/document.tsx";
import { readState } from "./ssr/state.ts";
import "./styles.css";

// Only a build with VITE_SENTRY_DSN loads Sentry (as a chunk of its own); without one, the
// condition is constant and the import disappears from the bundle.
const sentryDsn = import.meta.env.VITE_SENTRY_DSN;
if (sentryDsn) {
  void import("@shop/client/error-reporting").then(({ startErrorReporting }) =>
    startErrorReporting(sentryDsn, {
      app: "storefront",
      environment: import.meta.env.MODE,
      release: import.meta.env.VITE_SENTRY_RELEASE,
    }),
  );
}

/** Loads the code of the lazy pages this URL shows, so the first render matches the server's. */
async function resolveLazyRoutes(routes: RouteObject[]) {
  const matches = matchRoutes(routes, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== "function") return;
      Object.assign(route, await route.lazy(), { lazy: undefined });
    }),
  );
}

const apiBase = import.meta.env.VITE_API_URL ?? "";
const clients = createClients(apiBase);
const routes = createRoutes("browser", () => clients);
const page = readState();

if (page) {
  // A page the server rendered: pick up its query cache, locale and router state, then hydrate.
  const { state, text } = page;
  setDisplayLocale(state.locale);
  hydrate(clients.queryClient, state.queries);
  // The data is as fresh as the catalog version the page was rendered (or cached) under: start its
  // staleness clock now, so nothing is fetched again on the first render.
  for (const query of clients.queryClient.getQueryCache().getAll())
    clients.queryClient.setQueryData(query.queryKey, query.state.data, { updatedAt: Date.now() });
  Object.assign(window, { __staticRouterHydrationData: state.router });
  await resolveLazyRoutes(routes);
  hydrateRoot(
    document,
    <StrictMode>
      <Document assets={state.assets} state={text}>
        <App clients={clients} origin={state.origin}>
          <RouterProvider router={createBrowserRouter(routes)} />
        </App>
      </Document>
    </StrictMode>,
    {
      // A mismatch between the server's HTML and the first render is a bug: say so loudly (the
      // browser tests fail on it), then React renders the page afresh.
      onRecoverableError: (error, info) => console.error("Hydration error:", error, info.componentStack),
    },
  );
} else {
  // A client-only build (the dev server, or the app hosted on a CDN with VITE_API_URL).
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  createRoot(root).render(
    <StrictMode>
      <App clients={clients} origin={window.location.origin}>
        <RouterProvider router={createBrowserRouter(routes)} />
      </App>
    </StrictMode>,
  );
}
