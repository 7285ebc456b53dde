import type { ReactNode, RefAttributes } from "react";
import { Link as RouterLink, type LinkProps } from "react-router";

/**
 * React Router's Link, except while the server renders an in-shop path ("/p/slug", "/c/audio?page=2#top"):
 * then the anchor React Router would render, written directly. Its Link resolves every `to`
 * against the route matches and the location (useHref, useResolvedPath, useLocation), ~5 % of
 * rendering a product page with its twenty links, to arrive at the same string; on the server
 * nobody clicks, so nothing else it sets up is needed. Anything unusual (a relative path, `..`,
 * an object `to`, prefetching) goes to React Router's Link. The browser always uses it.
 */
export const Link: (props: LinkProps & RefAttributes<HTMLAnchorElement>) => ReactNode = import.meta.env.SSR
  ? ServerLink
  : RouterLink;

/** Exported for the test that holds it to React Router's own markup. */
export function ServerLink(props: LinkProps & RefAttributes<HTMLAnchorElement>): ReactNode {
  const { to, discover = "render", onClick: _clickedOnlyInTheBrowser, ref: _noRefOnTheServer, ...anchor } = props;
  if (typeof to !== "string" || !isPlainPath(to) || Object.keys(anchor).some((prop) => ROUTER_PROPS.has(prop))) {
    return <RouterLink {...props} />;
  }
  return <a {...anchor} href={to} data-discover={discover === "render" ? "true" : undefined} />;
}

const ROUTER_PROPS = new Set([
  "prefetch",
  "relative",
  "reloadDocument",
  "replace",
  "mask",
  "state",
  "preventScrollReset",
  "viewTransition",
  "defaultShouldRevalidate",
]);

/** A root-relative path React Router would leave as it is: no `//`, no `.` or `..` segment, no empty `?` or `#`. */
function isPlainPath(to: string): boolean {
  if (!to.startsWith("/")) return false;
  const end = to.search(/[?#]/);
  const pathname = end === -1 ? to : to.slice(0, end);
  if (pathname.includes("//") || /\/\.\.?(?:\/|$)/.test(pathname)) return false;
  return !/^\?(?:#|$)|#$/.test(end === -1 ? "" : to.slice(end));
}
