import type { RouterInputs } from "@shop/api";

type ListInput = RouterInputs["catalog"]["list"];

/** The measured requests: each a tRPC query path and its input. */
export type BenchCase = { name: string; path: "catalog.list" | "catalog.get"; input: ListInput | { slug: string } };

/** Two filters for the deep page: in stock, within a top-level category (and its subcategories). */
export const deepFilters = { category: "audio", inStock: true, sort: "newest" } satisfies ListInput;

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
