import type { RouterInputs } from "@shop/api";
import type { ApiClients } from "@shop/client";
import { infiniteQueryOptions, keepPreviousData } from "@tanstack/react-query";
import type { ListingFilters, Sort } from "./listing-params.ts";

// Query options that a page and its route loader both use: the server prefetches exactly what the
// page will ask for (same keys), so the hydrated page renders from the cache without a request.

type Clients = Pick<ApiClients, "trpc" | "trpcClient">;

export const LISTING_PAGE_SIZE = 24;

/**
 * A listing's pages, from `from` (a cursor in the URL, which crawlers and shoppers without
 * JavaScript follow page by page) or from the start. tRPC's own infinite options leave the cursor
 * out of the key, so a listing that starts at a cursor gets a key of its own here.
 */
export function listingQuery(
  { trpc, trpcClient }: Clients,
  filters: ListingFilters,
  sort: Sort | undefined,
  from: string | null,
) {
  const input = { ...filters, sort, limit: LISTING_PAGE_SIZE } satisfies RouterInputs["catalog"]["list"];
  return infiniteQueryOptions({
    queryKey: [...trpc.catalog.list.pathKey(), { input, type: "infinite", from }] as const,
    queryFn: ({ pageParam }) => trpcClient.catalog.list.query({ ...input, cursor: pageParam }),
    initialPageParam: from,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export type ReviewSort = NonNullable<RouterInputs["reviews"]["list"]["sort"]>;

/** A product's published reviews, five at a time; the page starts with the newest, all ratings. */
export function reviewsQuery(
  { trpc }: Pick<Clients, "trpc">,
  productId: number,
  sort: ReviewSort = "newest",
  rating?: number,
) {
  return trpc.reviews.list.infiniteQueryOptions(
    { productId, sort, rating, limit: 5 },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

export const featuredInput = {
  featured: true,
  sort: "best_selling",
  limit: 8,
} satisfies RouterInputs["catalog"]["list"];
export const newArrivalsInput = { sort: "newest", limit: 8 } satisfies RouterInputs["catalog"]["list"];
export const bestSellersInput = { sort: "best_selling", limit: 8 } satisfies RouterInputs["catalog"]["list"];

/** A brand page's products: its best sellers. */
export const brandShelfInput = (slug: string) =>
  ({ brands: [slug], sort: "best_selling", limit: LISTING_PAGE_SIZE }) satisfies RouterInputs["catalog"]["list"];
