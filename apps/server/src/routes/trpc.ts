import {
  appRouter,
  CART_COOKIE,
  createContextInner,
  RETRY_AFTER_SECONDS,
  SESSION_COOKIE,
  toTRPCError,
  validateSessionToken,
  type ApiConfig,
  type PaymentProvider,
  type RateLimitStore,
} from "@shop/api";
import type { Database } from "@shop/db";
import { MAX_BATCH_SIZE } from "@shop/validators";
import { TRPCError } from "@trpc/server";
import { fastifyRequestHandler, type CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ResponseCache } from "../cache/response-cache.ts";
import type { ErrorReporter } from "../observability/error-reporter.ts";
import type { OutageLog } from "../observability/outage-log.ts";
import { singleFlight } from "../cache/single-flight.ts";
import { invalidatesCatalog, pathsOf, sharedCacheTtl } from "./procedures.ts";
import { fastMutation, fastQuery, isFastMutation, isFastQuery, type TrpcQuerystring } from "./trpc-fast-query.ts";
import { trpcErrorReply } from "./trpc-errors.ts";
import { isStreamed, streamedCall } from "./trpc-upload.ts";

/** A session cookie in a Cookie or Set-Cookie header. */
const SESSION_IN_HEADER = new RegExp(`(^|;\\s*)${SESSION_COOKIE}=`);

/** The procedure paths of a tRPC request's URL. */
const TRPC_PATHS = /^\/trpc\/([^?]+)/;

/**
 * CSV imports (up to 12 million characters, JSON-escaped) travel as JSON inputs; everything else
 * stays far below this. Image uploads are streamed (`trpc-upload.ts`) and never reach it.
 */
const TRPC_BODY_LIMIT = 16 * 1024 * 1024;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

/** Bearer header for API clients, the session cookie for browsers. Never a URL parameter. */
function readToken(request: FastifyRequest): { token: string; via: "cookie" | "bearer" } | null {
  const authorization = header(request, "authorization");
  if (authorization?.startsWith("Bearer ")) return { token: authorization.slice(7).trim(), via: "bearer" };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: "cookie" } : null;
}

export async function trpcRoutes(
  app: FastifyInstance,
  {
    db,
    config,
    limits,
    payments,
    cache: responseCache,
    pageCache,
    errors,
    outages,
  }: {
    db: Database;
    config: ApiConfig;
    limits: RateLimitStore;
    payments: PaymentProvider;
    cache: ResponseCache | null;
    /** Rendered pages, filed under the catalog version too. */
    pageCache: ResponseCache | null;
    errors: ErrorReporter;
    outages: OutageLog;
  },
) {
  const caches = [responseCache, pageCache].filter((one) => one !== null);
  const cookieDefaults = { httpOnly: true, secure: config.secureCookies, sameSite: "lax", path: "/" } as const;

  async function createContext({ req, res }: Pick<CreateFastifyContextOptions, "req" | "res">) {
    const request = {
      ip: req.ip,
      userAgent: header(req, "user-agent"),
      origin: header(req, "origin"),
      secFetchSite: header(req, "sec-fetch-site"),
      doNotTrack: header(req, "dnt") === "1" || header(req, "sec-gpc") === "1",
      cartToken: req.cookies[CART_COOKIE] || null,
      setCookie(name: string, value: string, options: { expires?: Date; maxAge?: number }) {
        res.setCookie(name, value, { ...cookieDefaults, ...options });
      },
      setHeader(name: string, value: string) {
        res.header(name, value);
      },
    };
    const presented = readToken(req);
    // Outside any procedure: a database outage here is mapped (503) as it would be inside one.
    const session = presented
      ? await validateSessionToken(db.prisma, presented.token).catch((error: unknown) => {
          throw toTRPCError(error) ?? error;
        })
      : null;
    if (presented?.via === "cookie") {
      if (!session) request.setCookie(SESSION_COOKIE, "", { maxAge: 0 });
      else if (session.refreshed) request.setCookie(SESSION_COOKIE, presented.token, { expires: session.expiresAt });
    }
    return createContextInner({
      db: db.prisma,
      config,
      req: request,
      auth: presented && session ? { sessionId: session.sessionId, user: session.user, via: presented.via } : null,
      limits,
      payments,
    });
  }

  // Concurrent misses for one entry share one computation: a cold or just-invalidated page under
  // load costs one query per instance, not one per waiting shopper.
  const misses = singleFlight<{ status: number; body: string }>();

  // Every tRPC error of every path (standard handler, fast paths, context creation). A 503 (the
  // database or the payment provider away) is not a bug: Retry-After, one log line per burst,
  // nothing to Sentry.
  const onError = (error: TRPCError, path: string | undefined, req: FastifyRequest, res: FastifyReply) => {
    if (error.code === "SERVICE_UNAVAILABLE") {
      if (!res.hasHeader("retry-after")) res.header("retry-after", String(RETRY_AFTER_SECONDS));
      outages(error.cause ?? error, { path, requestId: req.id });
      return;
    }
    if (error.code !== "INTERNAL_SERVER_ERROR") return;
    app.log.error({ err: error.cause ?? error, path }, "procedure failed");
    errors.capture(error.cause ?? error, { path, requestId: req.id });
  };

  /**
   * Fast-path reads, from the cache when every call declares an answer shared by everyone
   * (`meta.cache`): filed under the catalog version read before the database, so an answer
   * computed across an invalidation is never served. ETags let browsers and CDNs revalidate for
   * free.
   */
  async function cachedFastQuery(
    req: FastifyRequest<{ Querystring: TrpcQuerystring }>,
    res: FastifyReply,
    path: string,
  ) {
    const key = `${path}?${req.query.batch ?? ""}&${req.query.input ?? ""}`;
    const ttlMs = sharedCacheTtl(pathsOf(path));
    const cache = ttlMs === null ? null : responseCache;
    const cached = cache ? await cache.get(key) : null;
    let body = cached?.body ?? null;
    let status = 200;
    if (body === null) {
      const compute = async () => {
        const fresh = await fastQuery({
          router: appRouter,
          path,
          request: req,
          ctx: await createContext({ req, res }),
          onError: (error, failed) => onError(error, failed, req, res),
        });
        if (cache && cached && fresh.status === 200)
          await cache.set(cached.version, key, fresh.body, ttlMs ?? undefined);
        return fresh;
      };
      ({ status, body } = cache && cached ? await misses.run(`${cached.version}:${key}`, compute) : await compute());
    }
    // A shared miss that failed with 503 reached onError for one request only.
    if (status === 503 && !res.hasHeader("retry-after")) res.header("retry-after", String(RETRY_AFTER_SECONDS));
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    res.header("etag", etag).header("cache-control", "no-cache").header("content-type", "application/json");
    if (cache) res.header("x-cache", cached?.body ? "hit" : "miss");
    if (status === 200 && req.headers["if-none-match"] === etag) return res.status(304).send();
    return res.status(status).send(body);
  }

  // Staff edits to the catalog (`meta.invalidatesCatalog`) invalidate before answering, so the
  // next read anywhere is fresh.
  if (caches.length) {
    app.addHook("onSend", async (request, reply, payload) => {
      const called = TRPC_PATHS.exec(request.url)?.[1];
      if (request.method === "POST" && reply.statusCode < 400 && called && invalidatesCatalog(pathsOf(called)))
        await Promise.all(caches.map((one) => one.invalidate()));
      return payload;
    });
  }

  // What fastifyTRPCPlugin does, plus the fast paths for public catalog queries and cart and
  // checkout mutations.
  await app.register(async (trpc) => {
    // An answer to a signed-in caller (or one that starts or ends a session) is theirs alone:
    // no browser, proxy or CDN may keep it. Anonymous catalog reads keep their caching.
    // Read from the raw headers: a CORS preflight is answered before cookies are parsed.
    trpc.addHook("onSend", async (request, reply, payload) => {
      const sent = [reply.getHeader("set-cookie") ?? []].flat().map(String);
      const carried =
        header(request, "authorization")?.startsWith("Bearer ") || SESSION_IN_HEADER.test(request.headers.cookie ?? "");
      if (carried || sent.some((cookie) => SESSION_IN_HEADER.test(cookie)))
        reply.header("cache-control", "private, no-store");
      return payload;
    });
    trpc.removeContentTypeParser("application/json");
    trpc.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
    // Left unread here: `streamedCall` reads it as the procedure consumes it.
    trpc.addContentTypeParser("application/octet-stream", (_request, _payload, done) => done(null, undefined));
    // What escapes the fast paths (a database outage while building the context) still gets
    // tRPC's error envelope and status; anything else goes on to Fastify's handler.
    trpc.setErrorHandler(
      (error, req: FastifyRequest<{ Params: { path?: string }; Querystring: TrpcQuerystring }>, res) => {
        const mapped = error instanceof TRPCError ? error : toTRPCError(error);
        if (!mapped) throw error;
        onError(mapped, req.params.path, req, res);
        return trpcErrorReply(appRouter, mapped, req, res);
      },
    );
    trpc.all<{ Params: { path: string }; Querystring: TrpcQuerystring }>(
      "/trpc/:path",
      { bodyLimit: TRPC_BODY_LIMIT },
      async (req, res) => {
        const path = req.params.path;
        if (isStreamed(req))
          return streamedCall(req, res, {
            router: appRouter,
            path,
            createContext: () => createContext({ req, res }),
            onError: (error, failed) => onError(error, failed, req, res),
          });
        if (isFastQuery(req, path)) return cachedFastQuery(req, res, path);
        if (isFastMutation(req, path)) {
          const { status, body } = await fastMutation({
            router: appRouter,
            path,
            request: req,
            ctx: await createContext({ req, res }),
            onError: (error, failed) => onError(error, failed, req, res),
          });
          return res
            .status(status)
            .header("vary", "trpc-accept, accept")
            .header("content-type", "application/json")
            .send(body);
        }
        await fastifyRequestHandler({
          router: appRouter,
          maxBatchSize: MAX_BATCH_SIZE,
          createContext,
          req,
          res,
          path,
          onError: ({ error, path: failed }) => onError(error, failed, req, res),
        });
      },
    );
  });
}
