import type { PrismaClient } from "@shop/db";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record.ts";

const KEY = "reviews.moderation";
const Mode = z.enum(["publish", "hold"]);
export type ModerationMode = z.infer<typeof Mode>;

/** "publish": new reviews appear at once; "hold": they wait in the staff's queue. */
export async function moderationMode(db: Pick<PrismaClient, "setting">): Promise<ModerationMode> {
  const setting = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  const parsed = Mode.safeParse(setting?.value);
  return parsed.success ? parsed.data : "publish";
}

export async function setModerationMode(
  db: PrismaClient,
  actor: AuditActor,
  mode: ModerationMode,
  ip: string | null = null,
) {
  await db.$transaction(async (tx) => {
    const before = await moderationMode(tx);
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: mode }, update: { value: mode } });
    await recordAudit(tx, {
      actor,
      action: "settings.reviews",
      entityType: "Setting",
      entityId: KEY,
      before: { mode: before },
      after: { mode },
      ip,
    });
  });
  return { mode };
}
