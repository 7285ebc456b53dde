import { PageHead } from "./page-head.tsx";
import { Link } from "./link.tsx";

/**
 * An archived product's page (HTTP 410 Gone: it will not come back). Old links and bookmarks still
 * lead somewhere: its category, or the shop.
 */
export function ProductGone({
  name,
  categorySlug,
  categoryName,
}: {
  name: string;
  categorySlug?: string;
  categoryName?: string;
}) {
  return (
    <section aria-labelledby="gone-title" className="mx-auto max-w-xl space-y-4 py-6">
      <PageHead title={`${name} is no longer sold`} noindex />
      <h1 id="gone-title" className="text-2xl font-bold">
        {name} is no longer sold
      </h1>
      <p className="text-muted">The shop has stopped selling this product.</p>
      <p>
        {categorySlug && categoryName ? (
          <Link to={`/c/${categorySlug}`} className="font-medium text-brand-700 underline">
            See other products in {categoryName}
          </Link>
        ) : (
          <Link to="/" className="font-medium text-brand-700 underline">
            Go to the home page
          </Link>
        )}
      </p>
    </section>
  );
}
