import {
  appRouter,
  CART_COOKIE,
  createContextInner,
  SESSION_COOKIE,
  validateSessionToken,
  type ApiConfig,
  type PaymentProvider,
  type RateLimitStore,
} from "@shop/api";
import type { Database } from "@shop/db";
import type { TRPCError } from "@trpc/server";
import { fastifyRequestHandler, type CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { fastQuery, isFastQuery, type TrpcQuerystring } from "./trpc-fast-query.ts";

/** Image uploads and CSV imports travel as tRPC inputs; everything else stays far below this. */
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
  { db, config, limits, payments }: { db: Database; config: ApiConfig; limits: RateLimitStore; payments: PaymentProvider },
) {
  const cookieDefaults = { httpOnly: true, secure: config.secureCookies, sameSite: "lax", path: "/" } as const;

  async function createContext({ req, res }: Pick<CreateFastifyContextOptions, "req" | "res">) {
    const request = {
      ip: req.ip,
      userAgent: header(req, "user-agent"),
      origin: header(req, "origin"),
      secFetchSite: header(req, "sec-fetch-site"),
      cartToken: req.cookies[CART_COOKIE] || null,
      setCookie(name: string, value: string, options: { expires?: Date; maxAge?: number }) {
        res.setCookie(name, value, { ...cookieDefaults, ...options });
      },
      setHeader(name: string, value: string) {
        res.header(name, value);
      },
    };
    const presented = readToken(req);
    const session = presented ? await validateSessionToken(db.prisma, presented.token) : null;
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

  const onError = (error: TRPCError, path: string | undefined) => {
    if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error.cause ?? error, path }, "procedure failed");
  };

  // What fastifyTRPCPlugin does, plus the fast path for public catalog queries.
  await app.register(async (trpc) => {
    trpc.removeContentTypeParser("application/json");
    trpc.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
    trpc.all<{ Params: { path: string }; Querystring: TrpcQuerystring }>("/trpc/:path", { bodyLimit: TRPC_BODY_LIMIT }, async (req, res) => {
      const path = req.params.path;
      if (isFastQuery(req, path)) {
        return fastQuery({ router: appRouter, path, request: req, reply: res, ctx: await createContext({ req, res }), onError });
      }
      await fastifyRequestHandler({ router: appRouter, createContext, req, res, path, onError: ({ error, path: failed }) => onError(error, failed) });
    });
  });
}
