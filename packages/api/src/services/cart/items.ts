import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { AppError } from "../../errors.ts";
import { prepared, rows, sqlOf, utcNow, type Sql } from "../../lib/sql.ts";
import { cartStateColumns, storedLineColumns, storedLines, toCartState, type CartState } from "./lines.ts";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "@shop/validators/limits";

const cartKey: { variantId: number; cartId: number | null } = { variantId: -1, cartId: -2 };
/** The variant as a cart sees it, and (given a cart) its units already in that cart and the cart's number of lines. */
const probe = prepared(cartKey, ({ variantId, cartId }) =>
  qb
    .selectFrom("Variant as v")
    .innerJoin("Product as p", "p.id", "v.productId")
    .select((eb) => [
      "v.price",
      "v.stockOnHand",
      "v.reserved",
      "p.status",
      eb
        .selectFrom("CartItem as i")
        .select("i.quantity")
        .where("i.cartId", "=", cartId)
        .whereRef("i.variantId", "=", "v.id")
        .$asScalar()
        .as("inCart"),
      eb
        .selectFrom("CartItem as i")
        .select(sql<number>`count(*)::int`.as("lines"))
        .where("i.cartId", "=", cartId)
        .$asScalar()
        .$notNull()
        .as("lines"),
    ])
    .where("v.id", "=", variantId),
);

async function purchasable(sql: Sql, variantId: number, cartId: number | null) {
  const [variant] = await rows(sql, probe({ variantId, cartId }));
  if (!variant || variant.status !== "ACTIVE") throw new AppError("NOT_FOUND", "This product is not available");
  return { ...variant, available: Math.max(0, variant.stockOnHand - variant.reserved) };
}

function checkQuantity(quantity: number, available: number) {
  if (available === 0) throw new AppError("PRECONDITION_FAILED", "This item is out of stock");
  if (quantity > available) throw new AppError("PRECONDITION_FAILED", `Only ${available} left in stock`, { available });
  if (quantity > MAX_LINE_QUANTITY)
    throw new AppError("BAD_INPUT", `You can buy at most ${MAX_LINE_QUANTITY} of an item`);
}

/**
 * Adds units of a variant (merging with the same line), never beyond what is available, and
 * returns the cart as it is now: the upsert and the cart's read are one statement.
 */
export async function addToCart(
  db: PrismaClient,
  cartId: number,
  input: { variantId: number; quantity: number },
): Promise<CartState> {
  const sql = sqlOf(db);
  const variant = await purchasable(sql, input.variantId, cartId);
  const quantity = (variant.inCart ?? 0) + input.quantity;
  checkQuantity(quantity, variant.available);
  if (variant.inCart === null && variant.lines >= MAX_CART_LINES) {
    throw new AppError("PRECONDITION_FAILED", `A cart holds at most ${MAX_CART_LINES} different items`);
  }
  const [cart] = await rows(sql, addLine({ cartId, variantId: input.variantId, quantity, price: variant.price }));
  if (!cart) throw new AppError("NOT_FOUND", "This cart no longer exists");
  return toCartState(cart);
}

/**
 * The upsert of a line and the cart read back, in one statement: the new line joins the stored
 * ones through the INSERT's RETURNING, which the statement's own reads of the table cannot see.
 */
const addLine = prepared(
  { cartId: -1, variantId: -2, quantity: -3, price: -4 },
  ({ cartId, variantId, quantity, price }) =>
    qb
      .with("added", (db) =>
        db
          .insertInto("CartItem")
          .values({ cartId, variantId, quantity, priceWhenAdded: price, updatedAt: utcNow })
          .onConflict((oc) =>
            oc.columns(["cartId", "variantId"]).doUpdateSet((eb) => ({
              quantity: eb.ref("excluded.quantity"),
              updatedAt: eb.ref("excluded.updatedAt"),
            })),
          )
          .returning(["id", "quantity", "priceWhenAdded", "variantId"]),
      )
      .selectFrom("Cart as c")
      .select(
        cartStateColumns(
          storedLines
            .where("i.variantId", "<>", variantId)
            .unionAll((eb) => eb.selectFrom("added as i").select(storedLineColumns))
            .as("i"),
        ),
      )
      .where("c.id", "=", cartId),
);

export async function setCartQuantity(
  db: PrismaClient,
  cartId: number | null,
  input: { itemId: number; quantity: number },
) {
  const item = cartId
    ? await db.cartItem.findFirst({ where: { id: input.itemId, cartId }, select: { variantId: true } })
    : null;
  if (!item || !cartId) throw new AppError("NOT_FOUND", "This item is not in your cart");
  const variant = await purchasable(sqlOf(db), item.variantId, null);
  checkQuantity(input.quantity, variant.available);
  await db.cartItem.update({ where: { id: input.itemId }, data: { quantity: input.quantity } });
}

export async function removeFromCart(db: PrismaClient, cartId: number | null, itemId: number) {
  const { count } = cartId ? await db.cartItem.deleteMany({ where: { id: itemId, cartId } }) : { count: 0 };
  if (count === 0) throw new AppError("NOT_FOUND", "This item is not in your cart");
}

export async function clearCart(db: PrismaClient, cartId: number | null) {
  if (!cartId) return;
  await db.$transaction([
    db.cartItem.deleteMany({ where: { cartId } }),
    db.cart.update({ where: { id: cartId }, data: { couponId: null } }),
  ]);
}

/**
 * Moves a guest's cart into the account's on sign-in: quantities summed and capped by what is
 * available (and the per-line maximum); the guest cart is then deleted.
 */
export async function mergeGuestCart(db: PrismaClient, guestCartId: number, userCartId: number) {
  if (guestCartId === userCartId) return;
  await db.$transaction(async (tx) => {
    const [guest, mine] = await Promise.all([
      tx.cart.findUnique({
        where: { id: guestCartId },
        select: { couponId: true, items: { select: { variantId: true, quantity: true, priceWhenAdded: true } } },
      }),
      tx.cartItem.findMany({ where: { cartId: userCartId }, select: { variantId: true, quantity: true } }),
    ]);
    if (!guest) return;
    const current = new Map(mine.map((item) => [item.variantId, item.quantity]));
    const variants = await tx.variant.findMany({
      where: { id: { in: guest.items.map((item) => item.variantId) } },
      select: { id: true, stockOnHand: true, reserved: true },
    });
    const available = new Map(variants.map((v) => [v.id, Math.max(0, v.stockOnHand - v.reserved)]));
    for (const item of guest.items) {
      const quantity = Math.min(
        (current.get(item.variantId) ?? 0) + item.quantity,
        available.get(item.variantId) ?? 0,
        MAX_LINE_QUANTITY,
      );
      if (quantity <= 0) continue;
      await tx.cartItem.upsert({
        where: { cartId_variantId: { cartId: userCartId, variantId: item.variantId } },
        create: { cartId: userCartId, variantId: item.variantId, quantity, priceWhenAdded: item.priceWhenAdded },
        update: { quantity },
      });
    }
    if (guest.couponId) {
      await tx.cart.updateMany({ where: { id: userCartId, couponId: null }, data: { couponId: guest.couponId } });
    }
    await tx.cart.delete({ where: { id: guestCartId } });
  });
}
