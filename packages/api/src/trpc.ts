import { initTRPC, TRPCError } from "@trpc/server";
import { CONTROL_CHARACTER_MESSAGE, expandUnionIssues, PlainTextInputSchema, type ApiScope } from "@shop/validators";
import { installLibraryAddressRules } from "@shop/validators/address-library";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { AppError, toTRPCError } from "./errors.ts";
import { catalogInFlight, tooManyAtOnce } from "./lib/in-flight.ts";
import { consume } from "./lib/rate-limit/index.ts";
import { transformer } from "./lib/transformer.ts";
import { tooManyRequests } from "./lib/rate-limit/auth-limits.ts";
import { recordAudit } from "./services/audit/record.ts";

import type { Access, Meta, RestRoute } from "./meta.ts";

export type { Access, Meta, RestRoute } from "./meta.ts";

// Every address any procedure accepts is checked against its country's rules (the library's).
installLibraryAddressRules();

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        message: publicMessage(error, shape.message),
        data: {
          ...shape.data,
          stack: undefined,
          zodError: error.cause instanceof ZodError ? flatten(error.cause) : null,
          details: error.cause instanceof AppError ? (error.cause.details ?? null) : null,
        },
      };
    },
  });

/**
 * Never show internals to users; the server logs them. tRPC turns anything thrown while reading
 * a request (a JSON parser's complaint, a stack overflow) into BAD_REQUEST with that error's own
 * message: such a message is replaced too. Ours (domain, validation, tRPC's) are kept.
 */
function publicMessage(error: TRPCError, message: string): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
  const cause = error.cause;
  // A ZodError's own message is its issues as JSON: say the first problem in words instead.
  if (cause instanceof ZodError) return expandUnionIssues(cause.issues)[0]?.message ?? "Check the form and try again";
  const foreign =
    cause instanceof Error &&
    !(cause instanceof ZodError || cause instanceof AppError || cause instanceof TRPCError) &&
    message === cause.message;
  return foreign ? "The request could not be read" : message;
}

/** Input problems per field (by dotted path: `shippingAddress.postalCode`), so forms show each beside its field. */
function flatten(error: ZodError): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of expandUnionIssues(error.issues)) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  }
  return { formErrors, fieldErrors };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Domain and database errors become typed tRPC errors in one place. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const retryAfter = cause instanceof AppError ? cause.details?.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) ctx.req.setHeader("retry-after", String(retryAfter));
    const mapped = toTRPCError(cause);
    if (mapped) throw mapped;
  }
  return result;
});

/**
 * CSRF: a mutation carrying one of our cookies (the session, or a guest cart) must come from
 * one of the shop's own origins, and no browser may send a mutation cross-site. Bearer-token
 * clients without cookies are not exposed: browsers never attach that header on their own.
 */
function checkCsrf(ctx: Context, type: string) {
  if (type !== "mutation") return;
  const { origin, secFetchSite } = ctx.req;
  if (secFetchSite === "cross-site") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Cross-site request refused" });
  }
  const cookieBound = ctx.auth?.via === "cookie" || ctx.req.cartToken !== null;
  if (cookieBound && (!origin || !ctx.config.allowedOrigins.includes(origin))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Request origin not allowed" });
  }
}

/**
 * Control characters (NUL above all: PostgreSQL refuses it) in any string of any input are a 400
 * naming the field, checked here once for every procedure, before its own schema runs.
 */
async function checkPlainText(getRawInput: () => Promise<unknown>) {
  const checked = PlainTextInputSchema.safeParse(await getRawInput());
  if (checked.success) return;
  const fields = checked.error.issues.map((issue) => issue.path.join(".") || "input");
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `${CONTROL_CHARACTER_MESSAGE}: ${fields.join(", ")}`,
    cause: checked.error,
  });
}

type KeyAuth = Extract<NonNullable<Context["auth"]>, { via: "apiKey" }>;
type Outcome = { ok: true } | { ok: false; error: TRPCError };

/**
 * API keys (REST only, docs/integrations.md): a key reaches a procedure only if the procedure
 * declares a `meta.scope` and the key holds it (deny by default), at most `apiKeyPerMinute` calls
 * a minute per key (Redis when configured), and every call, refused or not, is audited.
 */
async function withApiKey<R extends Outcome>(
  ctx: Context,
  auth: KeyAuth,
  meta: Meta | undefined,
  path: string,
  type: string,
  run: () => Promise<R>,
): Promise<R> {
  let outcome = "OK";
  try {
    const scope = meta?.scope;
    if (!scope || !auth.key.scopes.includes(scope)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: scope ? `This API key does not have the ${scope} scope` : "API keys cannot call this",
      });
    }
    const counter = await ctx.limits.increment(`apikey:${auth.key.id}`, 60_000);
    if (counter.count > ctx.config.apiKeyPerMinute) throw tooManyRequests(counter.resetAt - Date.now());
    const result = await run();
    if (!result.ok) outcome = (toTRPCError(result.error.cause) ?? result.error).code;
    return result;
  } catch (error) {
    outcome = error instanceof AppError || error instanceof TRPCError ? (toTRPCError(error) ?? error).code : "ERROR";
    throw error;
  } finally {
    await recordAudit(ctx.db, {
      actor: auth.user,
      action: "api_key.call",
      entityType: "ApiKey",
      entityId: auth.key.id,
      after: { procedure: path, type, outcome },
      ip: ctx.req.ip,
    });
  }
}

/** The per-IP limit a procedure declares (`meta.rateLimit`), counted before it runs. */
async function checkRateLimit(ctx: Context, meta: Meta | undefined) {
  const rule = meta?.rateLimit;
  if (!rule) return;
  const max = typeof rule.max === "function" ? rule.max(ctx.config) : rule.max;
  await consume(ctx.limits, `${rule.key}:ip:${ctx.req.ip ?? "unknown"}`, { max, windowMs: rule.windowMs });
}

/**
 * The checks every procedure passes, in this order: API key (scope, per-key limit, audit around
 * everything after it), CSRF, plain text, the declared rate limit. One middleware rather than
 * four: tRPC copies the context at each step, which cost the catalog's reads 5 % of their CPU.
 */
const guard = t.middleware(({ ctx, meta, path, type, getRawInput, next }) => {
  const checked = async () => {
    checkCsrf(ctx, type);
    await checkPlainText(getRawInput);
    await checkRateLimit(ctx, meta);
    const ip = ctx.req.ip;
    if (!meta?.inFlight || ip === null) return next();
    const max = ctx.config.catalogInFlightPerIp ?? 4;
    return catalogInFlight.run(`ip:${ip}`, max, () => next(), tooManyAtOnce, ctx.req);
  };
  return ctx.auth?.via === "apiKey" ? withApiKey(ctx, ctx.auth, meta, path, type, checked) : checked();
});

const base = t.procedure.use(mapErrors).use(guard);

export const publicProcedure = base.meta({ access: "public" });

/** A signed-in person's own things: never reachable by an API key, whatever its scopes. */
export const authedProcedure = base.meta({ access: "authed" }).use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  if (ctx.auth.via === "apiKey") throw new TRPCError({ code: "FORBIDDEN", message: "API keys cannot call this" });
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

function requireRole(access: Access, roles: readonly string[]) {
  return base.meta({ access }).use(({ ctx, next }) => {
    if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
    if (!roles.includes(ctx.auth.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this" });
    }
    return next({ ctx: { ...ctx, auth: ctx.auth } });
  });
}

export const staffProcedure = requireRole("staff", ["STAFF", "ADMIN"]);
export const adminProcedure = requireRole("admin", ["ADMIN"]);

/** A procedure served by the REST API and reachable by API keys holding `scope`. */
export type ApiMeta = { scope: ApiScope; rest: RestRoute };
export const apiPublicProcedure = (api: ApiMeta) => publicProcedure.meta({ access: "public", ...api });
export const apiStaffProcedure = (api: ApiMeta) => staffProcedure.meta({ access: "staff", ...api });
