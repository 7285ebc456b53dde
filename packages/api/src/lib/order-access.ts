import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { consume, tooManyRequests } from "./rate-limit/index.ts";
import { orderIdForKey } from "../services/orders/access-keys.ts";
import { findGuestOrderStatus } from "../services/orders/guest-status.ts";
import { findOrderFor } from "../services/orders/queries.ts";

const HOUR = 60 * 60_000;
/** Failed lookups and bad keys per IP, so numbers, emails and keys cannot be guessed. */
const FAILURES = { max: 10, windowMs: HOUR };
/** Lookups by number and email per IP, successful or not. */
const LOOKUPS = { max: 30, windowMs: HOUR };

async function countingFailures<T>(ctx: Context, find: () => Promise<T | null>): Promise<T> {
  const key = `order-lookup:${ctx.req.ip ?? "unknown"}`;
  const failures = await ctx.limits.get(key);
  if (failures && failures.count >= FAILURES.max) throw tooManyRequests(failures.resetAt - Date.now());
  // Only "not found" counts: a database outage is a 5xx the client retries, not a wrong guess.
  const found = await find();
  if (found === null) {
    await ctx.limits.increment(key, FAILURES.windowMs);
    throw new AppError("NOT_FOUND", "We could not find that order");
  }
  return found;
}

/**
 * The whole order, for whoever may act on it: the signed-in shopper it belongs to (by number),
 * or the holder of its secret link (`key`). Anyone else gets NOT_FOUND or UNAUTHORIZED.
 */
export async function accessibleOrder(ctx: Context, input: { number: number; key?: string }) {
  const key = input.key;
  if (key !== undefined) {
    const orderId = await countingFailures(ctx, () => orderIdForKey(ctx.db, input.number, key));
    return findOrderFor(ctx.db, { number: input.number, orderId });
  }
  if (!ctx.auth) throw new AppError("UNAUTHORIZED", "Sign in, or open the link from your order confirmation");
  return findOrderFor(ctx.db, { number: input.number, userId: ctx.auth.user.id });
}

/**
 * Status and items of a guest order found by number and the email it was placed with: no
 * address, no payment, no way to act on it. Orders of an account are never found this way.
 */
export async function guestOrderStatus(ctx: Context, input: { number: number; email: string }) {
  await consume(ctx.limits, `order-lookups:${ctx.req.ip ?? "unknown"}`, LOOKUPS);
  return countingFailures(ctx, () => findGuestOrderStatus(ctx.db, ctx.config, input));
}
