import type { PrismaClient } from "@shop/db";
import { z } from "zod";

const KEY = "reviews.moderation";
const Mode = z.enum(["publish", "hold"]);
export type ModerationMode = z.infer<typeof Mode>;

/** "publish": new reviews appear at once; "hold": they wait in the staff's queue. */
export async function moderationMode(db: Pick<PrismaClient, "setting">): Promise<ModerationMode> {
  const setting = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  const parsed = Mode.safeParse(setting?.value);
  return parsed.success ? parsed.data : "publish";
}

export async function setModerationMode(db: PrismaClient, mode: ModerationMode) {
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: mode }, update: { value: mode } });
  return { mode };
}
