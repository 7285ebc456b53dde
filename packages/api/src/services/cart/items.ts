import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { sqlOf, sqlRows, utcNowSql, type Sql } from "../../lib/sql.ts";
import { CartState, cartStateColumns } from "./lines.ts";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "@shop/validators/limits";

const Probe = z.object({
  price: z.number(),
  stockOnHand: z.number(),
  reserved: z.number(),
  status: z.string(),
  /** Units of this variant already in the cart, and the cart's number of lines. */
  inCart: z.number().nullable(),
  lines: z.number(),
});

/** The variant as a cart sees it, and (given a cart) what that cart already holds. */
async function purchasable(sql: Sql, variantId: number, cartId: number | null) {
  const [variant] = await sqlRows(
    sql,
    Probe,
    Prisma.sql`SELECT v."price", v."stockOnHand", v."reserved", p."status",
                      (SELECT i."quantity" FROM "CartItem" i WHERE i."cartId" = ${cartId}::int AND i."variantId" = v."id") AS "inCart",
                      (SELECT count(*)::int FROM "CartItem" i WHERE i."cartId" = ${cartId}::int) AS "lines"
                 FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
                WHERE v."id" = ${variantId}`,
  );
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
  const lines = Prisma.sql`SELECT i."id", i."quantity", i."priceWhenAdded", i."variantId" FROM "CartItem" i
                            WHERE i."cartId" = c."id" AND i."variantId" <> ${input.variantId}
                           UNION ALL SELECT * FROM added`;
  const [cart] = await sqlRows(
    sql,
    CartState,
    Prisma.sql`
    WITH added AS (
      INSERT INTO "CartItem" ("cartId", "variantId", "quantity", "priceWhenAdded", "updatedAt")
      VALUES (${cartId}, ${input.variantId}, ${quantity}, ${variant.price}, ${utcNowSql})
      ON CONFLICT ("cartId", "variantId") DO UPDATE SET "quantity" = EXCLUDED."quantity", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id", "quantity", "priceWhenAdded", "variantId"
    )
    SELECT ${cartStateColumns(lines)} FROM "Cart" c WHERE c."id" = ${cartId}`,
  );
  if (!cart) throw new AppError("NOT_FOUND", "This cart no longer exists");
  return cart;
}

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
