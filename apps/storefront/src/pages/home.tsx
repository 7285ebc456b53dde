import { useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ProductCardView } from "../components/product-card.tsx";

export function HomePage() {
  const trpc = useTRPC();
  const products = useInfiniteQuery(
    trpc.catalog.list.infiniteQueryOptions({ limit: 24 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <section aria-labelledby="new-arrivals">
      <h1 id="new-arrivals" className="mb-6 text-2xl font-bold">
        New arrivals
      </h1>
      {products.isError ? (
        <ErrorState message="We could not load products." onRetry={() => void products.refetch()} />
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-busy={products.isPending}>
          {products.isPending
            ? Array.from({ length: 8 }, (_, i) => (
                <li key={i}>
                  <Skeleton className="aspect-[3/4] w-full" />
                </li>
              ))
            : products.data.pages.flatMap((page) =>
                page.items.map((product) => (
                  <li key={product.id} data-testid="product-card">
                    <ProductCardView product={product} />
                  </li>
                )),
              )}
        </ul>
      )}
      {products.hasNextPage && (
        <div className="mt-8 flex justify-center">
          <Button variant="secondary" onClick={() => void products.fetchNextPage()} disabled={products.isFetchingNextPage}>
            {products.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
        </div>
      )}
    </section>
  );
}
