import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";

/** The top-level categories, for the header bar and the phone menu. */
export function CategoryLinks({ className }: { className: string }) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  return (
    <ul className={className}>
      {categories.data?.map((category) => (
        <li key={category.slug}>
          <NavLink
            to={`/c/${category.slug}`}
            className={({ isActive }) => (isActive ? "font-semibold text-brand-700" : "text-muted hover:text-ink")}
          >
            {category.name}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
