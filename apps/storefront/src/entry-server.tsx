import type { CreateRenderer, RenderedPage } from "@shop/client/ssr";
import { createClients } from "@shop/client";
import { setDisplayLocale } from "@shop/ui";
import { dehydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createStaticHandler, createStaticRouter, isRouteErrorResponse, StaticRouterProvider } from "react-router";
import { z } from "zod";
import { App } from "./app.tsx";
import type { Clients } from "./lib/loaders.ts";
import { createRoutes } from "./routes.tsx";
import { clientAssets } from "./ssr/assets.ts";
import { Document } from "./ssr/document.tsx";
import { renderToHtml } from "./ssr/render-html.ts";
import { serializeState } from "./ssr/state.ts";

// The storefront's server entry (`vite build --ssr`), loaded by apps/server. Every page is
// rendered for an anonymous shopper, so the HTML is the same for everyone and can be cached; what
// depends on the shopper (their name, cart, wishlist) is fetched by the browser after hydration.

const Handle = z.object({ module: z.string() });

/** Route errors as React Router's StaticRouterProvider serialises them for hydration. */
function serializeErrors(errors: Record<string, unknown> | null) {
  if (!errors) return null;
  return Object.fromEntries(
    Object.entries(errors).map(([id, error]) => [
      id,
      isRouteErrorResponse(error)
        ? { ...error, __type: "RouteErrorResponse" }
        : { message: error instanceof Error ? error.message : String(error), __type: "Error" },
    ]),
  );
}

export const createRenderer: CreateRenderer = ({ links, publicUrl, locale, clientDir }) => {
  setDisplayLocale(locale);
  const assets = clientAssets(clientDir);
  // The routes and their handler are built once (flattening and ranking them was ~6 % of a
  // render); each request's loaders find that request's clients here.
  const requestClients = new WeakMap<Request, Clients>();
  const handler = createStaticHandler(
    createRoutes("server", ({ request }) => {
      const clients = requestClients.get(request);
      if (!clients) throw new Error(`no clients for ${request.url}: not a request this renderer made`);
      return clients;
    }),
  );
  return {
    async render(url): Promise<RenderedPage> {
      const clients = createClients("", { links });
      const request = new Request(new URL(url, publicUrl));
      requestClients.set(request, clients);
      const context = await handler.query(request);
      if (context instanceof Response) {
        const location = context.headers.get("location");
        if (location === null) throw new Error(`a loader answered ${context.status} without a location`);
        return { status: context.status, html: "", location };
      }
      const modules = context.matches.flatMap((match) => {
        const handle = Handle.safeParse(match.route.handle);
        return handle.success ? [handle.data.module] : [];
      });
      const pageAssets = assets.forModules(modules);
      const state = serializeState({
        origin: publicUrl,
        locale,
        assets: pageAssets,
        queries: dehydrate(clients.queryClient),
        router: {
          loaderData: context.loaderData,
          actionData: context.actionData,
          errors: serializeErrors(context.errors),
        },
      });
      const html = await renderToHtml(
        <StrictMode>
          <Document assets={pageAssets} state={state}>
            <App clients={clients} origin={publicUrl}>
              <StaticRouterProvider
                router={createStaticRouter(handler.dataRoutes, context)}
                context={context}
                hydrate={false}
              />
            </App>
          </Document>
        </StrictMode>,
        pageAssets.entry,
      );
      return { status: context.statusCode, html, location: null };
    },
  };
};
