import { initTRPC, TRPCError } from "@trpc/server";
import { CONTROL_CHARACTER_MESSAGE, PlainTextInputSchema } from "@shop/validators";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { AppError, toTRPCError } from "./errors.ts";
import { transformer } from "./lib/transformer.ts";

/** Every procedure declares who may call it; the access test enumerates the router by this. */
export type Access = "public" | "authed" | "staff" | "admin";
export type Meta = { access: Access };

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
  const foreign =
    cause instanceof Error &&
    !(cause instanceof ZodError || cause instanceof AppError || cause instanceof TRPCError) &&
    message === cause.message;
  return foreign ? "The request could not be read" : message;
}

/** Input problems per top-level field, so forms can show each beside its field. */
function flatten(error: ZodError): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (key === undefined) formErrors.push(issue.message);
    else (fieldErrors[String(key)] ??= []).push(issue.message);
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
const csrf = t.middleware(({ ctx, type, next }) => {
  if (type !== "mutation") return next();
  const { origin, secFetchSite } = ctx.req;
  if (secFetchSite === "cross-site") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Cross-site request refused" });
  }
  const cookieBound = ctx.auth?.via === "cookie" || ctx.req.cartToken !== null;
  if (cookieBound && (!origin || !ctx.config.allowedOrigins.includes(origin))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Request origin not allowed" });
  }
  return next();
});

/**
 * Control characters (NUL above all: PostgreSQL refuses it) in any string of any input are a 400
 * naming the field, checked here once for every procedure, before its own schema runs.
 */
const plainText = t.middleware(async ({ getRawInput, next }) => {
  const checked = PlainTextInputSchema.safeParse(await getRawInput());
  if (checked.success) return next();
  const fields = checked.error.issues.map((issue) => issue.path.join(".") || "input");
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `${CONTROL_CHARACTER_MESSAGE}: ${fields.join(", ")}`,
    cause: checked.error,
  });
});

const base = t.procedure.use(mapErrors).use(csrf).use(plainText);

export const publicProcedure = base.meta({ access: "public" });

export const authedProcedure = base.meta({ access: "authed" }).use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
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
