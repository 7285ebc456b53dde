import { randomBytes } from "node:crypto";
import { hashSecret } from "@shop/auth";
import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { sqlOf, sqlRows, utcNow, type Sql } from "../../lib/sql.ts";

export const CART_COOKIE = "shop_cart";

/** Whose cart: a signed-in shopper's, or a guest's identified by the opaque cookie token. */
export type CartOwner = { userId: number } | { guestToken: string | null };

export const newCartToken = () => randomBytes(24).toString("base64url");

/** The condition on `Cart` (alias `c`) that finds the owner's cart; null for a guest without a token. */
export const ownerMatch = (owner: CartOwner): Prisma.Sql | null =>
  "userId" in owner
    ? Prisma.sql`c."userId" = ${owner.userId}`
    : owner.guestToken
      ? Prisma.sql`c."tokenHash" = ${hashSecret(owner.guestToken)}`
      : null;

const Id = z.object({ id: z.number() });

export async function findCartId(sql: Sql, owner: CartOwner): Promise<number | null> {
  const match = ownerMatch(owner);
  if (!match) return null;
  const [cart] = await sqlRows(sql, Id, Prisma.sql`SELECT c."id" FROM "Cart" c WHERE ${match}`);
  return cart?.id ?? null;
}

/** The owner's cart, created on first use; a new guest gets a token to put in their cookie. */
export async function ensureCart(
  db: PrismaClient,
  owner: CartOwner,
  currency: string,
): Promise<{ cartId: number; newGuestToken: string | null }> {
  const sql = sqlOf(db);
  const existing = await findCartId(sql, owner);
  if (existing) return { cartId: existing, newGuestToken: null };
  if ("userId" in owner) {
    // Two first requests at once both create: the second finds the first's row.
    const [cart] = await sqlRows(
      sql,
      Id,
      Prisma.sql`INSERT INTO "Cart" ("userId", "currency", "updatedAt") VALUES (${owner.userId}, ${currency}, ${utcNow})
                 ON CONFLICT ("userId") DO UPDATE SET "userId" = EXCLUDED."userId" RETURNING "id"`,
    );
    if (!cart) throw new Error("cart upsert returned no row");
    return { cartId: cart.id, newGuestToken: null };
  }
  const token = newCartToken();
  const [cart] = await sqlRows(
    sql,
    Id,
    Prisma.sql`INSERT INTO "Cart" ("tokenHash", "currency", "updatedAt") VALUES (${hashSecret(token)}, ${currency}, ${utcNow}) RETURNING "id"`,
  );
  if (!cart) throw new Error("cart insert returned no row");
  return { cartId: cart.id, newGuestToken: token };
}
