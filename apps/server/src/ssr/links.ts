import { appRouter, createContextInner, type AppRouter, type Context } from "@shop/api";
import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import type { ResponseCache } from "../cache/response-cache.ts";
import { procedure } from "../routes/procedures.ts";

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
 * What a page renders from, for an anonymous shopper: queries that declare `meta.cache` (the
 * public catalog, and a product's published reviews, which without a shopper are not personal),
 * from the response cache, filed under the catalog version like the API's own cached responses
 * (an answer computed across an invalidation is never stored): rendering a page that misses the
 * page cache rarely reaches the database. A review changes what shoppers see only through
 * moderation (a staff catalog mutation) or the rating summary (a NOTIFY trigger), both of which
 * bump the catalog version.
 */
function cacheLink(cache: ResponseCache): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const rule = op.type === "query" ? procedure(op.path)?.meta.cache : undefined;
        if (!rule) return next(op).subscribe(observer);
        const key = `render:${op.path}:${JSON.stringify(op.input ?? null)}`;
        let unsubscribe: () => void = () => undefined;
        let closed = false;
        void cache.get(key).then(({ body, version }) => {
          if (closed) return;
          if (body !== null) {
            observer.next({ result: { type: "data", data: superjson.parse(body) } });
            return observer.complete();
          }
          const subscription = next(op).subscribe({
            next(result) {
              const data = "data" in result.result ? result.result.data : undefined;
              if (data !== undefined) void cache.set(version, key, superjson.stringify(data), rule.ttlSeconds * 1000);
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

/**
 * Calls the router's procedure in this process: its middleware, input validation and error
 * formatter, as over HTTP, with the result objects handed over as they are (no serialising). What
 * tRPC's `unstable_localLink` does, minus an AbortController per call (aborting it on completion
 * built a DOMException, with its stack, for every query of every page).
 */
function procedureLink(context: Context, onError: (error: unknown, path: string) => void): TRPCLink<AppRouter> {
  const config = appRouter._def._config;
  return () =>
    ({ op }) =>
      observable((observer) => {
        callTRPCProcedure({
          router: appRouter,
          path: op.path,
          getRawInput: async () => op.input,
          ctx: context,
          type: op.type,
          signal: undefined,
          batchIndex: 0,
        }).then(
          (data: unknown) => {
            observer.next({ result: { type: "data", data } });
            observer.complete();
          },
          (cause: unknown) => {
            const error = getTRPCErrorFromUnknown(cause);
            if (error.code === "INTERNAL_SERVER_ERROR") onError(error.cause ?? error, op.path);
            const shape = getTRPCErrorShape({
              config,
              error,
              type: op.type,
              path: op.path,
              input: op.input,
              ctx: context,
            });
            observer.error(TRPCClientError.from<AppRouter>({ error: shape }, { cause: error }));
          },
        );
      });
}

/** The links a page is rendered through: the catalog cache (when on), then the router itself. */
export function renderLinks(options: {
  context: Context;
  cache: ResponseCache | null;
  onError: (error: unknown, path: string) => void;
}): Array<TRPCLink<AppRouter>> {
  const local = procedureLink(options.context, options.onError);
  return options.cache ? [cacheLink(options.cache), local] : [local];
}
