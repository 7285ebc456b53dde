import { generateApiKey, hashSecret } from "@shop/auth";
import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiKeyCreateSchema } from "@shop/validators";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";

const DAY = 24 * 60 * 60 * 1000;

/** What staff see of a key: never its secret or hash. */
export const apiKeySelect = {
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, email: true, name: true } },
  revokedBy: { select: { id: true, email: true, name: true } },
} satisfies Prisma.ApiKeySelect;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

const view = (row: ApiKeyRow) => ({ ...row, prefix: `shop_${row.id}` });

export async function listApiKeys(db: PrismaClient) {
  const rows = await db.apiKey.findMany({ select: apiKeySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(view);
}

/** A new key; the whole key is in this answer only (it is stored hashed). */
export async function createApiKey(
  db: PrismaClient,
  actor: AuditActor,
  input: z.output<typeof ApiKeyCreateSchema>,
  ip: string | null,
  now = new Date(),
) {
  const { id, secret, key } = generateApiKey();
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        id,
        name: input.name,
        secretHash: hashSecret(secret),
        scopes: input.scopes,
        createdById: actor.id,
        expiresAt,
      },
      select: apiKeySelect,
    });
    await recordAudit(tx, {
      actor,
      action: "api_key.create",
      entityType: "ApiKey",
      entityId: id,
      after: { name: input.name, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      ip,
    });
    return created;
  });
  return { ...view(row), key };
}

export async function revokeApiKey(db: PrismaClient, actor: AuditActor, id: string, ip: string | null) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: actor.id },
    });
    if (count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "No such API key");
      throw new AppError("CONFLICT", "This key is already revoked");
    }
    await recordAudit(tx, { actor, action: "api_key.revoke", entityType: "ApiKey", entityId: id, ip });
    return view(await tx.apiKey.findUniqueOrThrow({ where: { id }, select: apiKeySelect }));
  });
}
