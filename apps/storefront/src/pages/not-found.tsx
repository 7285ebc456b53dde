import { CategoryLinks } from "../components/category-links.tsx";
import { SearchBox } from "../components/search-box.tsx";
import { PageHead } from "../components/page-head.tsx";
import { Link } from "../components/link.tsx";

/** A dead link should still lead somewhere: search, the categories, the order finder. */
export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl space-y-6 py-6">
      <PageHead title="Page not found" noindex />
      <div>
        <h1 id="not-found-title" className="text-2xl font-bold">
          Page not found
        </h1>
        <p className="mt-2 text-muted">The link may be old, or the product may have moved. Try a search:</p>
      </div>
      <SearchBox label="Search the shop" />
      <div>
        <h2 className="mb-2 font-semibold">Or browse a category</h2>
        <CategoryLinks className="flex flex-wrap gap-x-4 gap-y-2 [&_a]:underline" />
      </div>
      <p className="text-sm">
        <Link to="/" className="font-medium text-brand-700 underline">
          Go to the home page
        </Link>{" "}
        ·{" "}
        <Link to="/orders/lookup" className="font-medium text-brand-700 underline">
          Find an order
        </Link>
      </p>
    </section>
  );
}
