import type { PrismaClient } from "@shop/db";
import { ReturnWindowSchema } from "@shop/validators";
import { recordAudit, type AuditActor } from "../audit/record.ts";

const KEY = "returns.windowDays";
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

/** Days after delivery in which a shopper may ask for a return; 0 means returns are off. */
export async function returnWindowDays(db: Pick<PrismaClient, "setting">): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  const parsed = ReturnWindowSchema.safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_RETURN_WINDOW_DAYS;
}

export async function setReturnWindowDays(db: PrismaClient, actor: AuditActor, days: number, ip: string | null) {
  await db.$transaction(async (tx) => {
    const before = await returnWindowDays(tx);
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: days }, update: { value: days } });
    await recordAudit(tx, {
      actor,
      action: "settings.returns",
      entityType: "Setting",
      entityId: KEY,
      before: { days: before },
      after: { days },
      ip,
    });
  });
  return { days };
}

/** The last moment a return may be asked for, or null when the order cannot be returned. */
export function returnableUntil(deliveredAt: Date | null, days: number): Date | null {
  if (!deliveredAt || days <= 0) return null;
  return new Date(deliveredAt.getTime() + days * 86_400_000);
}
