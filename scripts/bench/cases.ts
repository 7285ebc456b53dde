import type { RouterInputs } from "@shop/api";

type CatalogInputs = RouterInputs["catalog"];
type ListInput = CatalogInputs["list"];

/** The measured catalog procedures. */
type Procedure = "list" | "get" | "facets" | "suggest";

/** The measured requests: each a tRPC query path and that procedure's input (tagged by `path`). */
export type BenchCase = {
  [P in Procedure]: { name: string; path: `catalog.${P}`; input: CatalogInputs[P] };
}[Procedure];

/** Two filters for the deep page: in stock, within a top-level category (and its subcategories). */
export const deepFilters = { category: "audio", inStock: true, sort: "newest" } satisfies ListInput;

/** Three filters: the category and stock of `deepFilters` plus a price range (minor units, inclusive). */
export const priceFilters = {
  category: deepFilters.category,
  inStock: true,
  priceMin: 2_000,
  priceMax: 50_000,
  sort: "price_asc",
} satisfies ListInput;

export function benchCases(options: { deepCursor: string; slug: string }): BenchCase[] {
  return [
    { name: "listing, first page", path: "catalog.list", input: { limit: 24 } },
    {
      name: "listing, deep cursor page, 2 filters",
      path: "catalog.list",
      input: { ...deepFilters, limit: 24, cursor: options.deepCursor },
    },
    { name: 'search ("wireless earbuds")', path: "catalog.list", input: { q: "wireless earbuds", limit: 24 } },
    { name: "product page", path: "catalog.get", input: { slug: options.slug } },
    { name: "listing, 3 filters by price", path: "catalog.list", input: { ...priceFilters, limit: 24 } },
    // Both words unknown to the dictionary, each one edit from a known word ("wireless",
    // "earbuds"): the look-up and the corrected page run after the first statement.
    { name: 'typo search ("wireles earbudz")', path: "catalog.list", input: { q: "wireles earbudz", limit: 24 } },
    { name: "facets, no filter", path: "catalog.facets", input: {} },
    { name: "facets, category", path: "catalog.facets", input: { category: deepFilters.category } },
    { name: 'facets, search ("wireless")', path: "catalog.facets", input: { q: "wireless" } },
    { name: 'suggestions ("wirel")', path: "catalog.suggest", input: { q: "wirel" } },
  ];
}

/** The GET URL tRPC's client would send (superjson wire format, no batching). */
export function trpcUrl(base: string, path: string, input: unknown): string {
  return `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Server-rendered storefront pages: the HTML a browser or crawler gets (no compression asked for). */
export type PageCase = { name: string; path: string };

export function pageCases(options: { slug: string; category: string }): PageCase[] {
  return [
    { name: "HTML product page", path: `/p/${options.slug}` },
    { name: "HTML listing page (category, 24 cards)", path: `/c/${options.category}` },
  ];
}
