import { EmptyState } from "@shop/ui";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      <p>We could not find that page.</p>
      <Link to="/" className="mt-3 inline-block font-medium text-brand-700 underline">
        Go to the home page
      </Link>
    </EmptyState>
  );
}
