import { secretMatches, splitApiKey } from "@shop/auth";
import type { PrismaClient } from "@shop/db";
import type { ApiKeyAuth } from "../auth/sessions.ts";

const TOUCH_INTERVAL_MS = 60_000;

/**
 * The key's grant, or null when the key is unknown, wrong, revoked or expired, or its creator
 * is disabled or no longer staff: a key never outlives its creator's own access.
 */
export async function validateApiKey(db: PrismaClient, key: string, now = new Date()): Promise<ApiKeyAuth | null> {
  const parts = splitApiKey(key);
  if (!parts) return null;
  const row = await db.apiKey.findUnique({
    where: { id: parts.id },
    select: {
      id: true,
      secretHash: true,
      scopes: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const { disabledAt, ...user } = row.createdBy;
  if (disabledAt || user.role === "CUSTOMER") return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { via: "apiKey", user, key: { id: row.id, scopes: row.scopes } };
}
