import type { AppRouter } from "@shop/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { MAX_BATCH_SIZE } from "@shop/validators/limits";
import superjson from "superjson";

// Both apps talk to the API through this one module. Only the router's *type* is imported,
// so no server code reaches a browser bundle (scripts/check-bundles.mjs verifies it).
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function isClientError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

export type ApiClients = ReturnType<typeof createClients>;

/**
 * The query cache and tRPC client of one app. Created outside React when route loaders need
 * them (to start a page's queries while its code downloads); `trpc` is the same query-options
 * proxy that `useTRPC()` returns, so loaders and components share query keys. The server renders
 * pages with `links` that call the router in its own process instead of over HTTP.
 */
export function createClients(apiBase: string, options: { links?: Array<TRPCLink<AppRouter>> } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry network trouble and 5xx, never a 4xx the server meant.
        retry: (count, error) => count < 2 && !(isClientError(error) && (error.data?.httpStatus ?? 500) < 500),
      },
    },
  });
  const trpcClient = createTRPCClient<AppRouter>({
    links: options.links ?? [
      httpBatchLink({
        url: `${apiBase}/trpc`,
        transformer: superjson,
        maxItems: MAX_BATCH_SIZE,
        fetch: (url, init) => fetch(url, { ...init, credentials: apiBase ? "include" : "same-origin" }),
      }),
    ],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  return { queryClient, trpcClient, trpc };
}

/** `apiBase` is empty when the app is served by the API server itself (the usual case). */
export function ApiProvider({
  apiBase,
  clients,
  children,
}: {
  apiBase: string;
  clients?: ApiClients;
  children: ReactNode;
}) {
  const [{ queryClient, trpcClient }] = useState(() => clients ?? createClients(apiBase));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
