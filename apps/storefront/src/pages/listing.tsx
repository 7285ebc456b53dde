import { useTRPC, useTRPCClient } from "@shop/client";
import type { RouterOutputs } from "@shop/api";
import { Button, Drawer, EmptyState, ErrorState, formatCount, formatCountOf } from "@shop/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CatalogSortSchema } from "@shop/validators";
import { useState } from "react";
import { Navigate, useLocation, useParams, useSearchParams } from "react-router";
import { FacetPanel } from "../components/facet-panel.tsx";
import { PageHead } from "../components/page-head.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { canonicalSearch, filtersFromParams, withParam, type Sort } from "../lib/listing-params.ts";
import { listingQuery } from "../lib/queries.ts";
import { useAbsoluteUrl } from "../lib/site.tsx";
import { breadcrumbStructuredData } from "../lib/structured-data.ts";
import { NotFoundPage } from "./not-found.tsx";
import { Link } from "../components/link.tsx";

const sortLabels: Record<Sort, string> = {
  relevance: "Relevance",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  rating: "Top rated",
  best_selling: "Best selling",
};

/**
 * Search results (/search?q=…) and category pages (/c/:slug), with filters and sort in the URL.
 * "Show more" is a link to the next page (`?cursor=…`) that JavaScript turns into loading more
 * in place: crawlers and shoppers without JavaScript walk the listing page by page.
 */
/** "1,234 products", or "1,000+ products" when the server counted only that many (a broad search). */
function productCount(facets: RouterOutputs["catalog"]["facets"]) {
  return facets.exhaustive ? formatCountOf(facets.total, "product") : `${formatCount(facets.total)}+ products`;
}

export function ListingPage() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const absolute = useAbsoluteUrl();
  const { pathname, search } = useLocation();
  const { slug } = useParams();
  const [params, setParams] = useSearchParams();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { sort, ...filters } = filtersFromParams(params, slug);
  const from = params.get("cursor");
  const products = useInfiniteQuery(listingQuery({ trpc, trpcClient }, filters, sort, from));
  const facets = useQuery({ ...trpc.catalog.facets.queryOptions(filters), placeholderData: keepPreviousData });
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const first = products.data?.pages[0];
  const currentSort = first?.sort ?? sort ?? (filters.q ? "relevance" : "newest");
  const trail = slug ? findPath(categories.data ?? [], slug) : [];
  const categoryName = trail.at(-1)?.name;
  const title = filters.q ? `Results for “${filters.q}”` : (categoryName ?? (slug ? "Category" : "All products"));
  const hasFilters = [...params.keys()].some((key) => key !== "q" && key !== "sort" && key !== "cursor");
  const lastPage = products.data?.pages.at(-1);
  const nextHref = lastPage?.nextCursor ? `${pathname}?${withParam(params, "cursor", lastPage.nextCursor)}` : null;
  const categoryPath = (child: string) => `/c/${child}${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ""}`;
  // A renamed category's old link, followed inside the app: on to its current slug (the server answers 301).
  const unknownCategory = slug !== undefined && categories.isSuccess && trail.length === 0;
  const moved = useQuery({
    ...trpc.catalog.categoryMoved.queryOptions({ slug: slug ?? "" }),
    enabled: unknownCategory,
  });
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

  if (unknownCategory && moved.data)
    return moved.data.movedTo ? <Navigate to={`/c/${moved.data.movedTo}${search}`} replace /> : <NotFoundPage />;
  return (
    <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
      <PageHead
        title={from ? `${title} (more)` : title}
        description={categoryName ? `${categoryName} at Shop: compare prices, ratings and stock.` : undefined}
        canonical={`${pathname}${canonicalSearch(params, slug)}`}
        noindex={!slug || Boolean(filters.q)}
        structuredData={
          trail.length
            ? [
                breadcrumbStructuredData(
                  trail.map((node) => ({ name: node.name, path: `/c/${node.slug}` })),
                  absolute,
                ),
              ]
            : undefined
        }
      />
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
            Show {facets.data ? productCount(facets.data) : "products"}
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
                {productCount(facets.data)}
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
        <div className="mt-8 flex flex-wrap items-center justify-center gap-4">
          {from && (
            <Link to={`${pathname}?${withParam(params, "cursor", null)}`} className="text-sm underline">
              Back to the first page
            </Link>
          )}
          {nextHref && (
            <a
              href={nextHref}
              rel="next"
              aria-disabled={products.isFetchingNextPage}
              onClick={(event) => {
                event.preventDefault();
                if (!products.isFetchingNextPage) void products.fetchNextPage();
              }}
              className="inline-flex min-h-10 items-center justify-center rounded-md border border-line bg-surface px-4 text-sm font-medium text-ink hover:bg-subtle focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {products.isFetchingNextPage ? "Loading…" : "Show more"}
            </a>
          )}
        </div>
      </div>
    </div>
  );
}

type Node = { slug: string; name: string; children: Node[] };
/** The category and its ancestors, top first (empty when the slug is unknown). */
function findPath(nodes: Node[], slug: string): Node[] {
  for (const node of nodes) {
    if (node.slug === slug) return [node];
    const below = findPath(node.children, slug);
    if (below.length) return [node, ...below];
  }
  return [];
}
