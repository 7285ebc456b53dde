import type { ReactNode } from "react";
import { ErrorState, Skeleton } from "../states.tsx";

/** The part of a TanStack query result this needs, so the kit does not depend on the library. */
export type QueryLike<Data> = {
  data: Data | undefined;
  isError: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
};

/** Loading, error and empty states around whatever shows a query's data. */
export function QueryState<Data>({
  query,
  errorMessage,
  loading = <Skeleton className="h-64 w-full" />,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<Data>;
  errorMessage: string;
  loading?: ReactNode;
  isEmpty?: (data: Data) => boolean;
  empty?: ReactNode;
  children: (data: Data) => ReactNode;
}) {
  if (query.isError) {
    const detail = query.error?.message;
    return (
      <ErrorState message={detail ? `${errorMessage}: ${detail}` : errorMessage} onRetry={() => void query.refetch()} />
    );
  }
  if (query.data === undefined) return loading;
  if (empty !== undefined && isEmpty?.(query.data)) return empty;
  return children(query.data);
}
