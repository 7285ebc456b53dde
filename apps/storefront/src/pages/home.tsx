import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { ErrorState, formatCountOf } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { PageHead } from "../components/page-head.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { bestSellersInput, featuredInput, newArrivalsInput } from "../lib/queries.ts";
import { useAbsoluteUrl } from "../lib/site.tsx";
import { shopStructuredData } from "../lib/structured-data.ts";
import { Link } from "../components/link.tsx";

function Shelf({
  id,
  title,
  input,
  more,
  eager = 0,
}: {
  id: string;
  title: string;
  input: RouterInputs["catalog"]["list"];
  more: string;
  eager?: number;
}) {
  const trpc = useTRPC();
  const products = useQuery(trpc.catalog.list.queryOptions(input));
  if (products.data && products.data.items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mb-10">
      <div className="mb-4 flex items-baseline justify-between">
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        <Link to={more} className="text-sm font-medium text-brand-700 underline">
          See all
        </Link>
      </div>
      {products.isError ? (
        <ErrorState message="We could not load these products." onRetry={() => void products.refetch()} />
      ) : (
        <ProductGrid products={products.data?.items ?? []} loading={products.isPending} skeletons={4} eager={eager} />
      )}
    </section>
  );
}

export function HomePage() {
  const trpc = useTRPC();
  const absolute = useAbsoluteUrl();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  return (
    <>
      <PageHead title="Shop" canonical="/" structuredData={shopStructuredData(absolute)} />
      <h1 className="sr-only">Shop</h1>
      <Shelf id="featured" title="Featured" input={featuredInput} more="/search?sort=best_selling" eager={4} />
      <section aria-labelledby="categories" className="mb-10">
        <h2 id="categories" className="mb-4 text-xl font-bold">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {categories.data?.map((category) => (
            <li key={category.slug}>
              <Link to={`/c/${category.slug}`} className="block rounded-lg border border-line p-4 hover:bg-subtle">
                <span className="block font-medium">{category.name}</span>
                <span className="text-xs text-muted">{formatCountOf(category.productCount, "product")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Shelf id="new-arrivals" title="New arrivals" input={newArrivalsInput} more="/search?sort=newest" />
      <Shelf id="best-sellers" title="Best sellers" input={bestSellersInput} more="/search?sort=best_selling" />
    </>
  );
}
