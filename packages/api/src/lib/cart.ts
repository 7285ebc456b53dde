import type { Context } from "../context.ts";
import { sqlOf } from "./sql.ts";
import { CART_COOKIE, ensureCart, findCartId, type CartOwner } from "../services/cart/owner.ts";
import { mergeGuestCart } from "../services/cart/items.ts";

const CART_COOKIE_DAYS = 30;

export function cartOwner(ctx: Context): CartOwner {
  return ctx.auth ? { userId: ctx.auth.user.id } : { guestToken: ctx.req.cartToken };
}

export const customerOf = (ctx: Context) => ({
  userId: ctx.auth?.user.id ?? null,
  email: ctx.auth?.user.email ?? null,
});

/** The caller's cart, created when needed; a new guest cart's token goes into its cookie. */
export async function cartFor(ctx: Context): Promise<number> {
  const { cartId, newGuestToken } = await ensureCart(ctx.db, cartOwner(ctx), ctx.config.currency);
  if (newGuestToken) {
    ctx.req.setCookie(CART_COOKIE, newGuestToken, { expires: new Date(Date.now() + CART_COOKIE_DAYS * 86_400_000) });
  }
  return cartId;
}

export const existingCartFor = (ctx: Context) => findCartId(sqlOf(ctx.db), cartOwner(ctx));

/** On sign-in: the guest cart in the cookie joins the account's cart, and the cookie goes. */
export async function adoptGuestCart(ctx: Context, userId: number): Promise<void> {
  if (!ctx.req.cartToken) return;
  const guestCartId = await findCartId(sqlOf(ctx.db), { guestToken: ctx.req.cartToken });
  ctx.req.setCookie(CART_COOKIE, "", { maxAge: 0 });
  if (!guestCartId) return;
  const { cartId } = await ensureCart(ctx.db, { userId }, ctx.config.currency);
  await mergeGuestCart(ctx.db, guestCartId, cartId);
}
