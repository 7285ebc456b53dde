import {
  appRouter,
  createCaller,
  createContextInner,
  openApiDocument,
  restEndpoints,
  restInput,
  toTRPCError,
  validateApiKey,
  RETRY_AFTER_SECONDS,
  type ApiConfig,
  type AuthState,
  type PaymentProvider,
  type RateLimitStore,
  type RestEndpoint,
} from "@shop/api";
import type { Database } from "@shop/db";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ResponseCache } from "../cache/response-cache.ts";
import type { ErrorReporter } from "../observability/error-reporter.ts";
import type { OutageLog } from "../observability/outage-log.ts";
import { referencePage } from "./reference.ts";

export const REST_PREFIX = "/api/v1";

type RestRequest = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | string[] | undefined>;
}>;

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

/** An error in the REST API's shape, with tRPC's status for its code. */
function sendError(reply: FastifyReply, error: TRPCError, endpoint: RestEndpoint | null) {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: endpoint?.type ?? "unknown",
    path: endpoint?.procedure,
    input: undefined,
    ctx: undefined,
  });
  const fieldErrors = shape.data.zodError?.fieldErrors;
  return reply
    .code(getHTTPStatusCodeFromError(error))
    .header("cache-control", "private, no-store")
    .send({ error: { code: error.code, message: shape.message, ...(fieldErrors ? { fieldErrors } : {}) } });
}

/**
 * The REST API: every procedure with `meta.rest`, called through the router's caller (the same
 * middleware, validation, services and errors as tRPC), authenticated by API key only.
 */
export async function restRoutes(
  app: FastifyInstance,
  deps: {
    db: Database;
    config: ApiConfig;
    limits: RateLimitStore;
    payments: PaymentProvider;
    caches: readonly ResponseCache[];
    errors: ErrorReporter;
    outages: OutageLog;
  },
) {
  const endpoints = restEndpoints(appRouter);
  const serverUrl = `${deps.config.publicUrl}${REST_PREFIX}`;
  const document = JSON.stringify(openApiDocument(endpoints, { serverUrl }));
  const reference = referencePage(endpoints, serverUrl);

  /** The caller's key, null without one; a Bearer that is not a valid key is a 401. */
  async function authenticate(request: FastifyRequest): Promise<AuthState | null> {
    const authorization = header(request, "authorization");
    if (authorization === null) return null;
    const key = authorization.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
    const auth = await validateApiKey(deps.db.prisma, key).catch((error: unknown) => {
      throw toTRPCError(error) ?? error;
    });
    if (!auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Unknown, revoked or expired API key" });
    return auth;
  }

  function failed(error: unknown, endpoint: RestEndpoint, request: FastifyRequest, reply: FastifyReply) {
    const mapped =
      error instanceof TRPCError ? error : (toTRPCError(error) ?? new TRPCError({ code: "INTERNAL_SERVER_ERROR" }));
    if (mapped.code === "SERVICE_UNAVAILABLE") {
      if (!reply.hasHeader("retry-after")) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      deps.outages(mapped.cause ?? mapped, { path: endpoint.procedure, requestId: request.id });
    } else if (mapped.code === "INTERNAL_SERVER_ERROR") {
      app.log.error({ err: mapped.cause ?? error, path: endpoint.procedure }, "procedure failed");
      deps.errors.capture(mapped.cause ?? error, { path: endpoint.procedure, requestId: request.id });
    }
    return sendError(reply, mapped, endpoint);
  }

  async function handle(endpoint: RestEndpoint, request: RestRequest, reply: FastifyReply) {
    try {
      const ctx = createContextInner({
        db: deps.db.prisma,
        config: deps.config,
        // No cookies are read or set here: a REST call carries its key, never a browser session.
        req: {
          ip: request.ip,
          userAgent: header(request, "user-agent"),
          origin: header(request, "origin"),
          secFetchSite: header(request, "sec-fetch-site"),
          doNotTrack: true,
          cartToken: null,
          setCookie() {},
          setHeader(name, value) {
            reply.header(name, value);
          },
        },
        auth: await authenticate(request),
        limits: deps.limits,
        payments: deps.payments,
      });
      const input = restInput(endpoint, { params: request.params, query: request.query, body: request.body });
      let target: unknown = createCaller(ctx);
      for (const part of endpoint.procedure.split(".")) {
        target = typeof target === "object" || typeof target === "function" ? Reflect.get(Object(target), part) : null;
      }
      if (typeof target !== "function") throw new TRPCError({ code: "NOT_FOUND" });
      const result: unknown = await target(input);
      if (endpoint.type === "mutation" && endpoint.invalidatesCatalog)
        await Promise.all(deps.caches.map((cache) => cache.invalidate()));
      return reply
        .header("cache-control", "private, no-store")
        .header("content-type", "application/json")
        .send(JSON.stringify(result ?? null));
    } catch (error) {
      return failed(error, endpoint, request, reply);
    }
  }

  await app.register(
    async (scope) => {
      scope.get("/openapi.json", async (_request, reply) =>
        reply.header("content-type", "application/json").header("cache-control", "public, max-age=300").send(document),
      );
      scope.get("/docs", async (_request, reply) =>
        reply
          .header("content-type", "text/html; charset=utf-8")
          .header("cache-control", "public, max-age=300")
          .send(reference),
      );
      scope.get("/", async (_request, reply) => reply.redirect(`${REST_PREFIX}/docs`));
      for (const endpoint of endpoints) {
        scope.route<{ Params: Record<string, string>; Querystring: Record<string, string | string[] | undefined> }>({
          method: endpoint.method,
          url: endpoint.path.replaceAll(/\{(\w+)\}/g, ":$1"),
          handler: (request, reply) => handle(endpoint, request, reply),
        });
      }
      scope.setNotFoundHandler((_request, reply) =>
        sendError(
          reply,
          new TRPCError({ code: "NOT_FOUND", message: "No such endpoint (see /api/v1/openapi.json)" }),
          null,
        ),
      );
      // Bodies Fastify cannot parse (not JSON, too large) get the same error shape as the rest.
      scope.setErrorHandler((error, _request, reply) => {
        const status = typeof error === "object" && error && "statusCode" in error ? Number(error.statusCode) : 500;
        if (status >= 500) throw error;
        const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "BAD_REQUEST";
        return sendError(reply, new TRPCError({ code, message: "The request body could not be read" }), null);
      });
    },
    { prefix: REST_PREFIX },
  );
}
