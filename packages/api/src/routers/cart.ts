import { CartAddSchema, CartItemSchema, CartSetQuantitySchema, CouponCodeSchema } from "@shop/validators";
import type { Context } from "../context.ts";
import { cartFor, customerOf, existingCartFor } from "../lib/cart.ts";
import { sqlOf } from "../lib/sql.ts";
import { applyCoupon, removeCoupon } from "../services/cart/coupon.ts";
import { addToCart, clearCart, removeFromCart, setCartQuantity } from "../services/cart/items.ts";
import { cartView, presentCart } from "../services/cart/view.ts";
import { publicProcedure, router } from "../trpc.ts";

// Every mutation answers with the whole cart, priced afresh on the server.
const view = async (ctx: Context, cartId?: number | null) =>
  cartView(ctx.db, ctx.config, cartId === undefined ? await existingCartFor(ctx) : cartId, customerOf(ctx));

// The storefront sends these one at a time: the server's fast path answers them.
const cartMutation = publicProcedure.meta({ fastPath: true });

export const cartRouter = router({
  get: publicProcedure.query(({ ctx }) => view(ctx)),

  add: cartMutation.input(CartAddSchema).mutation(async ({ ctx, input }) => {
    const cart = await addToCart(ctx.db, await cartFor(ctx), input);
    return presentCart(sqlOf(ctx.db), ctx.config, cart, customerOf(ctx));
  }),

  setQuantity: cartMutation.input(CartSetQuantitySchema).mutation(async ({ ctx, input }) => {
    const cartId = await existingCartFor(ctx);
    await setCartQuantity(ctx.db, cartId, input);
    return view(ctx, cartId);
  }),

  remove: cartMutation.input(CartItemSchema).mutation(async ({ ctx, input }) => {
    const cartId = await existingCartFor(ctx);
    await removeFromCart(ctx.db, cartId, input.itemId);
    return view(ctx, cartId);
  }),

  clear: cartMutation.mutation(async ({ ctx }) => {
    const cartId = await existingCartFor(ctx);
    await clearCart(ctx.db, cartId);
    return view(ctx, cartId);
  }),

  applyCoupon: cartMutation.input(CouponCodeSchema).mutation(async ({ ctx, input }) => {
    const cartId = await cartFor(ctx);
    await applyCoupon(ctx.db, cartId, input.code, ctx.config.currency);
    return view(ctx, cartId);
  }),

  removeCoupon: cartMutation.mutation(async ({ ctx }) => {
    const cartId = await existingCartFor(ctx);
    await removeCoupon(ctx.db, cartId);
    return view(ctx, cartId);
  }),
});
