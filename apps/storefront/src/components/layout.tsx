import { Link, Outlet } from "react-router";
import { AccountMenu } from "./account-menu.tsx";
import { CartLink } from "./cart-link.tsx";

export function Layout() {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-line">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between px-4">
          <Link to="/" className="text-lg font-bold tracking-tight">
            Shop
          </Link>
          <div className="flex items-center gap-6">
            <AccountMenu />
            <CartLink />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        <Outlet />
      </main>
      <footer className="border-t border-line py-6 text-center text-sm text-muted">
        <Link to="/orders/lookup" className="underline">Find an order</Link> · © Shop
      </footer>
    </div>
  );
}
