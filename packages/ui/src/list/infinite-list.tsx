import type { ReactNode } from "react";
import { Button } from "../button.tsx";
import { QueryState, type QueryLike } from "./query-state.tsx";

type Page<Item> = { items: readonly Item[] };

/** The part of an infinite query result a load-more list needs. */
export type InfiniteQueryLike<Item> = QueryLike<{ pages: readonly Page<Item>[] }> & {
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

export const pageItems = <Item,>(data: { pages: readonly Page<Item>[] } | undefined): Item[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

type Pager = Pick<InfiniteQueryLike<unknown>, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage">;

export function LoadMore({ query, label = "Load more" }: { query: Pager; label?: string }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="mt-4 flex justify-center">
      <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? "Loading…" : label}
      </Button>
    </div>
  );
}

/**
 * A keyset-paged list: loading, error and empty states, the rows so far (announced to screen
 * readers), and "Load more" while the server says there is a next page.
 */
export function InfiniteList<Item>({
  query,
  noun,
  empty,
  loading,
  moreLabel,
  children,
}: {
  query: InfiniteQueryLike<Item>;
  /** Plural, for messages: "orders". */
  noun: string;
  empty: ReactNode;
  loading?: ReactNode;
  moreLabel?: string;
  children: (rows: Item[]) => ReactNode;
}) {
  const rows = pageItems(query.data);
  return (
    <>
      <p role="status" className="sr-only">
        {query.data === undefined ? (query.isError ? "" : `Loading ${noun}`) : `${rows.length} ${noun} shown`}
      </p>
      <div aria-busy={query.isFetching}>
        <QueryState
          query={query}
          errorMessage={`Could not load ${noun}`}
          loading={loading}
          isEmpty={() => rows.length === 0}
          empty={empty}
        >
          {() => children(rows)}
        </QueryState>
      </div>
      <LoadMore query={query} label={moreLabel} />
    </>
  );
}
