import { createContext, useContext, type ReactNode } from "react";

/** The shop's name, as pages and structured data call it. */
export const SHOP_NAME = "Shop";

export const SHOP_DESCRIPTION = "Phones, earbuds, smartwatches, tablets, laptops and accessories.";

/**
 * The shop's public origin, for canonical URLs, Open Graph tags and structured data: the server's
 * PUBLIC_URL when it rendered the page (carried to the browser in the page's state, so hydration
 * renders the same), the page's own origin in a client-only build.
 */
const SiteContext = createContext("");

export function SiteProvider({ origin, children }: { origin: string; children: ReactNode }) {
  return <SiteContext.Provider value={origin}>{children}</SiteContext.Provider>;
}

/** An absolute URL on the shop for a path, or a URL that already is absolute (images on a CDN). */
export function useAbsoluteUrl(): (path: string) => string {
  const origin = useContext(SiteContext);
  return (path) => new URL(path, `${origin}/`).toString();
}
