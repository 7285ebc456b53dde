import { randomBytes } from "node:crypto";
import { hashSecret } from "@shop/auth";
import { qb, type DB, type PrismaClient } from "@shop/db";
import { expressionBuilder } from "kysely";
import { prepared, rows, sqlOf, utcNow, type Sql } from "../../lib/sql.ts";

export const CART_COOKIE = "shop_cart";

/** Whose cart: a signed-in shopper's, or a guest's identified by the opaque cookie token. */
export type CartOwner = { userId: number } | { guestToken: string | null };

export const newCartToken = () => randomBytes(24).toString("base64url");

/**
 * The owner's condition as a prepared query's values: which of the three shapes, and its value
 * (see `prepared`: one compiled text per shape).
 */
export function ownerKey(owner: CartOwner) {
  if ("userId" in owner) return { by: "user", userId: owner.userId } as const;
  return owner.guestToken ? ({ by: "token", tokenHash: hashSecret(owner.guestToken) } as const) : null;
}
export type OwnerKey = ReturnType<typeof ownerKey>;

const cart = expressionBuilder<DB & { c: DB["Cart"] }, "c">();

/** The condition on `Cart` (alias `c`) that finds the owner's cart; none for a guest without a token. */
export function ownerMatch(key: OwnerKey) {
  if (!key) return cart.lit(false);
  return key.by === "user" ? cart("c.userId", "=", key.userId) : cart("c.tokenHash", "=", key.tokenHash);
}

const byUser = prepared({ userId: -1 }, ({ userId }) =>
  qb.selectFrom("Cart as c").select("c.id").where("c.userId", "=", userId),
);
const byToken = prepared({ tokenHash: new Uint8Array(0) }, ({ tokenHash }) =>
  qb.selectFrom("Cart as c").select("c.id").where("c.tokenHash", "=", tokenHash),
);

export async function findCartId(sql: Sql, owner: CartOwner): Promise<number | null> {
  const key = ownerKey(owner);
  if (!key) return null;
  const [found] = await rows(sql, key.by === "user" ? byUser(key) : byToken(key));
  return found?.id ?? null;
}

const createUserCart = prepared({ userId: -1, currency: "\0currency" }, ({ userId, currency }) =>
  qb
    .insertInto("Cart")
    .values({ userId, currency, updatedAt: utcNow })
    .onConflict((oc) => oc.column("userId").doUpdateSet((eb) => ({ userId: eb.ref("excluded.userId") })))
    .returning("id"),
);
const createGuestCart = prepared({ tokenHash: new Uint8Array(0), currency: "\0currency" }, ({ tokenHash, currency }) =>
  qb.insertInto("Cart").values({ tokenHash, currency, updatedAt: utcNow }).returning("id"),
);

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
    const [created] = await rows(sql, createUserCart({ userId: owner.userId, currency }));
    if (!created) throw new Error("cart upsert returned no row");
    return { cartId: created.id, newGuestToken: null };
  }
  const token = newCartToken();
  const [created] = await rows(sql, createGuestCart({ tokenHash: hashSecret(token), currency }));
  if (!created) throw new Error("cart insert returned no row");
  return { cartId: created.id, newGuestToken: token };
}
