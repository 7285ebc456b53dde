import { useTRPC } from "@shop/client";
import { Drawer, SkipLink } from "@shop/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { Outlet, useLocation, useMatches } from "react-router";
import { usePageViews } from "../lib/analytics.ts";
import { useMe } from "../lib/session.ts";
import { AccountMenu } from "./account-menu.tsx";
import { CartLink } from "./cart-link.tsx";
import { CategoryLinks } from "./category-links.tsx";
import { PageHead } from "./page-head.tsx";
import { SearchBox } from "./search-box.tsx";
import { Link } from "./link.tsx";

/** The title of a page whose head does not depend on data (sign-in, cart, account…): never indexed. */
function RouteHead() {
  const titled = useMatches().flatMap(({ handle }) => {
    const title: unknown = typeof handle === "object" && handle !== null && "title" in handle ? handle.title : null;
    return typeof title === "string" ? [title] : [];
  });
  const title = titled.at(-1);
  return title === undefined ? null : <PageHead title={title} noindex />;
}

/**
 * Server-rendered pages are the same for everyone (so they can be cached): reviews come without
 * the shopper's own votes. Once the browser knows who is signed in, it asks again.
 */
function useRefreshForShopper() {
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const userId = me.data?.id;
  useEffect(() => {
    if (userId !== undefined) void queryClient.invalidateQueries({ queryKey: trpc.reviews.list.pathKey() });
  }, [userId, queryClient, trpc]);
}

/**
 * The page frame. On phones the categories and account links move into a menu drawer; the
 * search box and the cart (with its count) stay on screen.
 */
export function Layout() {
  usePageViews();
  useRefreshForShopper();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  // After a client-side navigation, keyboard and screen-reader users start at the new content
  // instead of wherever the old page left focus (a full page load starts at the top anyway).
  useEffect(() => {
    if (pathname !== firstPath.current) main.current?.focus({ preventScroll: true });
    firstPath.current = "";
  }, [pathname]);
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a")) setMenuOpen(false);
  };
  return (
    <div className="flex min-h-screen flex-col">
      <RouteHead />
      <SkipLink />
      <header className="border-b border-line">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 md:flex-nowrap md:gap-6">
          <button
            type="button"
            className="min-h-10 rounded-md border border-line px-3 text-sm font-medium md:hidden"
            aria-expanded={menuOpen}
            aria-haspopup="dialog"
            onClick={() => setMenuOpen(true)}
          >
            Menu
          </button>
          <Link to="/" className="text-lg font-bold tracking-tight">
            Shop
          </Link>
          <div className="order-last w-full md:order-none md:w-auto md:flex-1">
            <SearchBox />
          </div>
          <div className="ml-auto flex items-center gap-6">
            <div className="hidden md:block">
              <AccountMenu />
            </div>
            <CartLink />
          </div>
        </div>
        <nav aria-label="Categories" className="mx-auto hidden max-w-7xl overflow-x-auto px-4 md:block">
          <CategoryLinks className="flex gap-4 pb-2 text-sm whitespace-nowrap" />
        </nav>
      </header>
      <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} title="Menu">
        <div onClick={closeOnLink} className="space-y-6">
          <AccountMenu />
          <nav aria-label="Categories">
            <CategoryLinks className="flex flex-col gap-1 text-base [&_a]:flex [&_a]:min-h-10 [&_a]:items-center" />
          </nav>
          <Link to="/orders/lookup" className="block underline">
            Find an order
          </Link>
        </div>
      </Drawer>
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:py-8"
      >
        <Outlet />
      </main>
      <footer className="border-t border-line py-6 text-center text-sm text-muted">
        <Link to="/orders/lookup" className="underline">
          Find an order
        </Link>{" "}
        · © Shop
      </footer>
    </div>
  );
}
