import { EmptyState } from "@shop/ui";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      <Link to="/products" className="font-medium text-brand-700 underline">
        Go to products
      </Link>
    </EmptyState>
  );
}
