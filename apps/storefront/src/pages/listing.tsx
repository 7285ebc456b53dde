import { useTRPC } from "@shop/client";
import { Button, Drawer, EmptyState, ErrorState, formatCount } from "@shop/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CatalogSortSchema } from "@shop/validators";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { FacetPanel } from "../components/facet-panel.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { filtersFromParams, withParam, type Sort } from "../lib/listing-params.ts";
import { useShopPage } from "../lib/page-meta.ts";

const sortLabels: Record<Sort, string> = {
  relevance: "Relevance",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  rating: "Top rated",
  best_selling: "Best selling",
};

/** Search results (/search?q=…) and category pages (/c/:slug), with filters and sort in the URL. */
export function ListingPage() {
  const trpc = useTRPC();
  const { slug } = useParams();
  const [params, setParams] = useSearchParams();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { sort, ...filters } = filtersFromParams(params, slug);
  const products = useInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions(
      { ...filters, sort, limit: 24 },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const facets = useQuery({ ...trpc.catalog.facets.queryOptions(filters), placeholderData: keepPreviousData });
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const first = products.data?.pages[0];
  const currentSort = first?.sort ?? sort ?? (filters.q ? "relevance" : "newest");
  const categoryName = slug ? findName(categories.data ?? [], slug) : undefined;
  const title = filters.q ? `Results for “${filters.q}”` : (categoryName ?? (slug ? "Category" : "All products"));
  const hasFilters = [...params.keys()].some((key) => key !== "q" && key !== "sort");
  useShopPage(title, categoryName ? `${categoryName} at Shop: compare prices, ratings and stock.` : undefined);
  const categoryPath = (child: string) => `/c/${child}${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ""}`;
  const activeFilters = [...params.keys()].filter((key) => !["q", "sort", "cursor"].includes(key)).length;
  const panel = (
    <FacetPanel
      facets={facets.data}
      filters={filters}
      params={params}
      setParams={setParams}
      currency={facets.data?.currency ?? "USD"}
      categoryPath={categoryPath}
    />
  );

  return (
    <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
      <aside aria-label="Filters">
        <Button
          variant="secondary"
          className="w-full md:hidden"
          aria-haspopup="dialog"
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen(true)}
        >
          Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}
        </Button>
        <Drawer open={filtersOpen} onClose={() => setFiltersOpen(false)} title="Filters">
          {panel}
          <Button className="mt-4 w-full" onClick={() => setFiltersOpen(false)}>
            Show {facets.data ? formatCount(facets.data.total) : ""} products
          </Button>
        </Drawer>
        <div className="hidden md:block">{panel}</div>
      </aside>
      <div>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">{title}</h1>
            {first?.corrected && <p className="text-sm text-muted">Showing results for “{first.corrected}”</p>}
            {facets.data && (
              <p className="text-sm text-muted" data-testid="result-count">
                {formatCount(facets.data.total)} products
              </p>
            )}
          </div>
          <label className="text-sm">
            <span className="mr-2">Sort by</span>
            <select
              value={currentSort}
              onChange={(event) => setParams(withParam(params, "sort", event.target.value))}
              className="min-h-10 rounded-md border border-line bg-surface px-2"
            >
              {CatalogSortSchema.options
                .filter((key) => key !== "relevance" || filters.q)
                .map((key) => (
                  <option key={key} value={key}>
                    {sortLabels[key]}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {products.isError ? (
          <ErrorState message="We could not load products." onRetry={() => void products.refetch()} />
        ) : !products.isPending && items.length === 0 ? (
          <EmptyState title="No products match">
            <p>Try fewer filters or another search.</p>
            {hasFilters && (
              <Link
                to={slug ? `/c/${slug}` : `/search${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ""}`}
                className="mt-3 inline-block font-medium text-brand-700 underline"
              >
                Clear filters
              </Link>
            )}
          </EmptyState>
        ) : (
          <ProductGrid products={items} loading={products.isPending} eager={4} />
        )}
        {products.hasNextPage && (
          <div className="mt-8 flex justify-center">
            <Button
              variant="secondary"
              onClick={() => void products.fetchNextPage()}
              disabled={products.isFetchingNextPage}
            >
              {products.isFetchingNextPage ? "Loading…" : "Show more"}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}

type Node = { slug: string; name: string; children: Node[] };
function findName(nodes: Node[], slug: string): string | undefined {
  for (const node of nodes) {
    if (node.slug === slug) return node.name;
    const found = findName(node.children, slug);
    if (found) return found;
  }
  return undefined;
}
