import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";
import { useLocation } from "react-router";
import { Link } from "./link.tsx";

/**
 * The top-level categories, for the header bar and the phone menu. The current one is marked as
 * NavLink would mark it (its page or a page below it), worked out once for the list rather than
 * by a NavLink per category (each resolves its path and reads the router's state): every page
 * renders the list.
 */
export function CategoryLinks({ className }: { className: string }) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const { pathname } = useLocation();
  return (
    <ul className={className}>
      {categories.data?.map((category) => {
        const to = `/c/${category.slug}`;
        const current = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <li key={category.slug}>
            <Link
              to={to}
              aria-current={current ? "page" : undefined}
              className={current ? "font-semibold text-brand-700" : "text-muted hover:text-ink"}
            >
              {category.name}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
