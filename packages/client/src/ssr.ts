import type { AppRouter } from "@shop/api";
import type { TRPCLink } from "@trpc/client";

// What the server and the storefront's server bundle (built apart by Vite) agree on. The server
// imports only these types; the bundle's `createRenderer` declares that it satisfies them.

export type RendererOptions = {
  /** Call the API router in the server's own process (no HTTP hop), as an anonymous shopper. */
  links: Array<TRPCLink<AppRouter>>;
  /** The shop's public origin, for canonical URLs, Open Graph tags and structured data. */
  publicUrl: string;
  /** Money, numbers and dates are formatted with it on the server and, after hydration, in the browser. */
  locale: string;
  /** The storefront's client build (its Vite manifest names the scripts and styles a page needs). */
  clientDir: string;
};

/** A rendered page: HTML to send with `status`, or a redirect to `location`. */
export type RenderedPage =
  { status: number; html: string; location: null } | { status: number; html: ""; location: string };

export type StorefrontRenderer = { render(url: string): Promise<RenderedPage> };

export type CreateRenderer = (options: RendererOptions) => StorefrontRenderer;
