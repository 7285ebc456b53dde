import {
  appRouter,
  CART_COOKIE,
  createContextInner,
  SESSION_COOKIE,
  validateSessionToken,
  type ApiConfig,
  type AppRouter,
  type PaymentProvider,
  type RateLimitStore,
} from "@shop/api";
import type { Database } from "@shop/db";
import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";

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

  async function createContext({ req, res }: CreateFastifyContextOptions) {
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

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext,
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
