import { ProductIdSchema, WishlistAddSchema } from "@shop/validators";
import { AppError } from "../errors.ts";
import { cartFor } from "../lib/cart.ts";
import { addToCart } from "../services/cart/items.ts";
import { addToWishlist, listWishlist, removeFromWishlist, savedProductIds } from "../services/wishlist/wishlist.ts";
import { authedProcedure, router } from "../trpc.ts";

export const wishlistRouter = router({
  list: authedProcedure.query(({ ctx }) => listWishlist(ctx.db, ctx.config, ctx.auth.user.id)),
  /** Just the saved product ids, for the heart toggles on cards. */
  ids: authedProcedure.query(({ ctx }) => savedProductIds(ctx.db, ctx.auth.user.id)),
  add: authedProcedure
    .input(WishlistAddSchema)
    .mutation(({ ctx, input }) => addToWishlist(ctx.db, ctx.auth.user.id, input)),
  remove: authedProcedure
    .input(ProductIdSchema)
    .mutation(({ ctx, input }) => removeFromWishlist(ctx.db, ctx.auth.user.id, input.productId)),
  /** Moves a saved product into the cart: its saved variant, or its only one. */
  moveToCart: authedProcedure.input(ProductIdSchema).mutation(async ({ ctx, input }) => {
    const item = (await listWishlist(ctx.db, ctx.config, ctx.auth.user.id)).find(
      (entry) => entry.productId === input.productId,
    );
    if (!item) throw new AppError("NOT_FOUND", "This product is not on your wishlist");
    if (item.variantId === null)
      throw new AppError("PRECONDITION_FAILED", "Choose the options you want on the product page first");
    await addToCart(ctx.db, await cartFor(ctx), { variantId: item.variantId, quantity: 1 });
    return removeFromWishlist(ctx.db, ctx.auth.user.id, input.productId);
  }),
});
