import type { z } from "zod";
import type { ApiScope } from "@shop/validators";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import type { ApiConfig } from "./context.ts";

/** Who may call a procedure: the procedure builders of trpc.ts set it, the access test checks it. */
export type Access = "public" | "authed" | "staff" | "admin";

/**
 * A request limit per client IP, counted by the `rateLimit` middleware before the procedure
 * runs (in Redis when configured). `max` may come from the configuration.
 */
export type RateLimitRule = {
  /** Counter name; procedures that share a key share one budget. */
  key: string;
  max: number | ((config: ApiConfig) => number);
  windowMs: number;
};

/**
 * Answers the server keeps in its catalog cache, filed under the catalog version (any change
 * shoppers could see empties it) for at most `ttlSeconds`. `everyone`: the answer is the same
 * for every caller, so the HTTP layer caches it by URL. `anonymous`: it is the same for every
 * anonymous caller only (e.g. it marks the signed-in shopper's own votes), so only pages, which
 * are rendered for an anonymous shopper, reuse it.
 */
export type CacheRule = { ttlSeconds: number; sharedBy: "everyone" | "anonymous" };

/** `path` is below `/api/v1`; `{name}` segments are input fields (integers when the schema says so). */
export type RestRoute = {
  method: "GET" | "POST" | "PUT";
  path: `/${string}`;
  summary: string;
  /**
   * The documented answer (OpenAPI response schema). Declared here rather than with `.output()`,
   * which would parse every answer at run time (CPU on the catalog's hot reads) and would type
   * the apps by the schema instead of by the service, cutting the chain from the Prisma schema.
   * `outputs/*.ts` check at compile time that the service's answer fits it (`Fits`).
   */
  output: z.ZodType;
};

/**
 * Facts about a procedure, declared where it is defined (`.meta({...})`) and read from the
 * router by the server (apps/server) and the tests. Add a field here for a new fact; never a
 * list of procedure names elsewhere.
 */
export type Meta = {
  /** Set by the procedure builders (publicProcedure…); every procedure has one. */
  access?: Access;
  cache?: CacheRule;
  /** A mutation whose success may change what shoppers see in the catalog: caches are emptied. */
  invalidatesCatalog?: boolean;
  /**
   * Served by the server's fast path (apps/server/src/routes/trpc-fast-query.ts): unbatched
   * mutations, and GET queries batched only with other fast-path queries.
   */
  fastPath?: boolean;
  rateLimit?: RateLimitRule;
  /**
   * At most `config.catalogInFlightPerIp` (default 4) calls per client IP of the procedures that
   * declare it run at once in one server process; more are refused with TOO_MANY_REQUESTS
   * (lib/in-flight.ts). Callers without an IP (server-rendered pages, limited by the page route)
   * are not counted.
   */
  inFlight?: boolean;
  /** REST API and API keys (docs/integrations.md): the scope a key needs; no scope, no key. */
  scope?: ApiScope;
  /** REST API: where `/api/v1` serves this procedure (the OpenAPI document is built from it). */
  rest?: RestRoute;
};

export type ProcedureFacts = { path: string; type: "query" | "mutation" | "subscription"; meta: Meta };

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;
// tRPC types a built procedure's meta as unknown; ours are only ever made by trpc.ts's `t`, whose
// `.meta()` takes a Meta.
const isMeta = (value: unknown): value is Meta => typeof value === "object" && value !== null;

/** Every procedure of a router by its dotted path, with its type and declared meta. */
export function procedureFacts(router: AnyRouter): Map<string, ProcedureFacts> {
  const facts = new Map<string, ProcedureFacts>();
  for (const [path, value] of Object.entries(router._def.procedures)) {
    if (!isProcedure(value)) continue;
    const meta = value._def.meta;
    facts.set(path, { path, type: value._def.type, meta: isMeta(meta) ? meta : {} });
  }
  return facts;
}
