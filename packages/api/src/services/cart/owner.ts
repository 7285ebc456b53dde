import { randomBytes } from "node:crypto";
import { hashSecret } from "@shop/auth";
import type { Prisma, PrismaClient } from "@shop/db";

export const CART_COOKIE = "shop_cart";

/** Whose cart: a signed-in shopper's, or a guest's identified by the opaque cookie token. */
export type CartOwner = { userId: number } | { guestToken: string | null };

export const newCartToken = () => randomBytes(24).toString("base64url");

const whereOwner = (owner: CartOwner): Prisma.CartWhereUniqueInput | null =>
  "userId" in owner ? { userId: owner.userId } : owner.guestToken ? { tokenHash: hashSecret(owner.guestToken) } : null;

export async function findCartId(db: PrismaClient | Prisma.TransactionClient, owner: CartOwner): Promise<number | null> {
  const where = whereOwner(owner);
  if (!where) return null;
  return (await db.cart.findUnique({ where, select: { id: true } }))?.id ?? null;
}

/** The owner's cart, created on first use; a new guest gets a token to put in their cookie. */
export async function ensureCart(db: PrismaClient, owner: CartOwner, currency: string): Promise<{ cartId: number; newGuestToken: string | null }> {
  const existing = await findCartId(db, owner);
  if (existing) return { cartId: existing, newGuestToken: null };
  if ("userId" in owner) {
    const cart = await db.cart.upsert({ where: { userId: owner.userId }, create: { userId: owner.userId, currency }, update: {}, select: { id: true } });
    return { cartId: cart.id, newGuestToken: null };
  }
  const token = newCartToken();
  const cart = await db.cart.create({ data: { tokenHash: hashSecret(token), currency }, select: { id: true } });
  return { cartId: cart.id, newGuestToken: token };
}
