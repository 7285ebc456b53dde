import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, Outlet } from "react-router";
import { usePageViews } from "../lib/analytics.ts";
import { AccountMenu } from "./account-menu.tsx";
import { CartLink } from "./cart-link.tsx";
import { SearchBox } from "./search-box.tsx";

export function Layout() {
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  usePageViews();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-line">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:flex-nowrap sm:gap-6">
          <Link to="/" className="text-lg font-bold tracking-tight">
            Shop
          </Link>
          <SearchBox />
          <div className="flex items-center gap-6">
            <AccountMenu />
            <CartLink />
          </div>
        </div>
        <nav aria-label="Categories" className="mx-auto max-w-7xl overflow-x-auto px-4">
          <ul className="flex gap-4 pb-2 text-sm whitespace-nowrap">
            {categories.data?.map((category) => (
              <li key={category.slug}>
                <NavLink to={`/c/${category.slug}`} className={({ isActive }) => (isActive ? "font-semibold text-brand-700" : "text-muted hover:text-ink")}>
                  {category.name}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:py-8">
        <Outlet />
      </main>
      <footer className="border-t border-line py-6 text-center text-sm text-muted">
        <Link to="/orders/lookup" className="underline">Find an order</Link> · © Shop
      </footer>
    </div>
  );
}
