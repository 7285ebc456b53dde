import { appRouter, createContextInner, type AppRouter, type Context } from "@shop/api";
import { unstable_localLink, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import type { ResponseCache } from "../cache/response-cache.ts";
import { FAST_QUERIES, isPlainJson } from "../routes/trpc-fast-query.ts";

type Services = Omit<Context, "req" | "auth">;

/**
 * The context pages are rendered in: an anonymous shopper with no cookies, so a rendered page is
 * the same for everyone. Public catalog procedures need nothing else from the request.
 */
export function anonymousContext(services: Services): Context {
  return createContextInner({
    ...services,
    auth: null,
    req: {
      ip: null,
      userAgent: null,
      origin: null,
      secFetchSite: null,
      doNotTrack: true,
      cartToken: null,
      setCookie: () => undefined,
      setHeader: () => undefined,
    },
  });
}

/**
 * Public catalog reads from the response cache, filed under the catalog version like the API's own
 * cached responses (an answer computed across an invalidation is never stored): rendering a page
 * that misses the page cache rarely reaches the database for the category tree or a product.
 */
function cacheLink(cache: ResponseCache): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        if (op.type !== "query" || !FAST_QUERIES.has(op.path)) return next(op).subscribe(observer);
        const key = `render:${op.path}:${JSON.stringify(op.input ?? null)}`;
        let unsubscribe: () => void = () => undefined;
        let closed = false;
        void cache.get(key).then(({ body, version }) => {
          if (closed) return;
          if (body !== null) {
            observer.next({ result: { type: "data", data: JSON.parse(body) } });
            return observer.complete();
          }
          const subscription = next(op).subscribe({
            next(result) {
              const data = "data" in result.result ? result.result.data : undefined;
              if (data !== undefined && isPlainJson(data)) void cache.set(version, key, JSON.stringify(data));
              observer.next(result);
            },
            error: (error) => observer.error(error),
            complete: () => observer.complete(),
          });
          unsubscribe = () => subscription.unsubscribe();
        });
        return () => {
          closed = true;
          unsubscribe();
        };
      });
}

/** The links a page is rendered through: the catalog cache (when on), then the router itself. */
export function renderLinks(options: {
  context: Context;
  cache: ResponseCache | null;
  onError: (error: unknown, path: string) => void;
}): Array<TRPCLink<AppRouter>> {
  const local = unstable_localLink<AppRouter>({
    router: appRouter,
    createContext: async () => options.context,
    // Results stay the objects the procedures returned (no serialising round trip in process).
    transformer: superjson,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") options.onError(error.cause ?? error, path ?? "");
    },
  });
  return options.cache ? [cacheLink(options.cache), local] : [local];
}
