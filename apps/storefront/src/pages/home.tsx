import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { ErrorState, formatCount, preloadImage } from "@shop/ui";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { CARD_IMAGE_SIZES, ProductGrid } from "../components/product-card.tsx";
import { useShopPage } from "../lib/page-meta.ts";

type Trpc = ReturnType<typeof useTRPC>;
const featured = { featured: true, sort: "best_selling", limit: 8 } satisfies RouterInputs["catalog"]["list"];

/** Requests what the top of the home page shows, for the route loader, before it renders. */
export function prefetchHome(queryClient: QueryClient, trpc: Trpc) {
  // The first featured pictures are the largest paint on a phone: request them as soon as their
  // URLs arrive, while React is still rendering, instead of when the <img> elements exist.
  void queryClient.fetchQuery(trpc.catalog.list.queryOptions(featured)).then(
    (page) => page.items.slice(0, 2).forEach((item) => item.image && preloadImage(item.image, CARD_IMAGE_SIZES)),
    () => undefined,
  );
  void queryClient.prefetchQuery(trpc.catalog.categories.queryOptions());
}

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
  useShopPage("Shop");
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  return (
    <>
      <h1 className="sr-only">Shop</h1>
      <Shelf id="featured" title="Featured" input={featured} more="/search?sort=best_selling" eager={4} />
      <section aria-labelledby="categories" className="mb-10">
        <h2 id="categories" className="mb-4 text-xl font-bold">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {categories.data?.map((category) => (
            <li key={category.slug}>
              <Link to={`/c/${category.slug}`} className="block rounded-lg border border-line p-4 hover:bg-subtle">
                <span className="block font-medium">{category.name}</span>
                <span className="text-xs text-muted">{formatCount(category.productCount)} products</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Shelf id="new-arrivals" title="New arrivals" input={{ sort: "newest", limit: 8 }} more="/search?sort=newest" />
      <Shelf
        id="best-sellers"
        title="Best sellers"
        input={{ sort: "best_selling", limit: 8 }}
        more="/search?sort=best_selling"
      />
    </>
  );
}
