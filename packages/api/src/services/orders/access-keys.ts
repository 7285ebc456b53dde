import { generateToken, hashSecret, secretMatches, splitToken } from "@shop/auth";
import type { Prisma, PrismaClient } from "@shop/db";

// An order's secret link (`/orders/<number>#key=<id>.<secret>`): the session token design, so
// 120 bits of lookup id and 160 bits of secret from the CSPRNG, only a SHA-256 of the secret
// stored and compared in constant time. Whoever holds the link may see and cancel that order, as
// a guest shopper must; order numbers are sequential, so nothing else may grant that.

/** A new key for the order; the caller shows or sends it once (it cannot be read back). */
export async function mintOrderKey(db: PrismaClient | Prisma.TransactionClient, orderId: number): Promise<string> {
  const { id, secret, token } = generateToken();
  await db.orderAccessToken.create({ data: { id, secretHash: hashSecret(secret), orderId }, select: { id: true } });
  return token;
}

/** The id of the order numbered `number` that `key` opens, or null. */
export async function orderIdForKey(db: PrismaClient, number: number, key: string): Promise<number | null> {
  const parts = splitToken(key);
  if (!parts) return null;
  const stored = await db.orderAccessToken.findUnique({
    where: { id: parts.id },
    select: { secretHash: true, order: { select: { id: true, number: true } } },
  });
  if (!stored || !secretMatches(parts.secret, stored.secretHash) || stored.order.number !== number) return null;
  return stored.order.id;
}

/** In the fragment, like reset and sign-up links: browsers never send it to a server or a Referer. */
export const orderLink = (publicUrl: string, number: number, key: string) =>
  `${publicUrl}/orders/${number}#key=${encodeURIComponent(key)}`;
