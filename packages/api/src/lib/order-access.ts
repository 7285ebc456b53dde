import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { tooManyRequests } from "./rate-limit/index.ts";
import { findOrderFor } from "../services/orders/queries.ts";

const LOOKUP = { max: 10, windowMs: 60 * 60_000 };

/**
 * The order the caller may see: a signed-in shopper's own order by number; a guest's by number
 * and the email it was placed with. Failed guest lookups are limited per IP so numbers and
 * emails cannot be guessed.
 */
export async function accessibleOrder(ctx: Context, input: { number: number; email?: string }) {
  if (ctx.auth && input.email === undefined)
    return findOrderFor(ctx.db, { number: input.number, userId: ctx.auth.user.id });
  if (input.email === undefined)
    throw new AppError("UNAUTHORIZED", "Sign in, or give the email the order was placed with");
  const key = `order-lookup:${ctx.req.ip ?? "unknown"}`;
  const failures = await ctx.limits.get(key);
  if (failures && failures.count >= LOOKUP.max) throw tooManyRequests(failures.resetAt - Date.now());
  try {
    return await findOrderFor(ctx.db, { number: input.number, email: input.email });
  } catch (error) {
    await ctx.limits.increment(key, LOOKUP.windowMs);
    throw error;
  }
}
