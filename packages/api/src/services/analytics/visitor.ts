import { createHash, randomBytes } from "node:crypto";
import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { z } from "zod";
import { rows, sqlOf, utcNow } from "../../lib/sql.ts";

const SALT_KEY = "analytics.salt";
const SaltSchema = z.object({ day: z.string(), salt: z.string() });

const cache = new WeakMap<PrismaClient, { day: string; salt: string }>();

/**
 * Today's salt (UTC day), shared by every instance through the Setting row. A new day replaces
 * yesterday's salt in the same statement that creates it, so no salt older than a day exists and
 * yesterday's visitor ids can no longer be recomputed from an IP and user agent (Plausible's
 * design). Instances racing at midnight agree: the conditional upsert lets one write, the
 * others read what it wrote.
 */
export async function saltOfTheDay(db: PrismaClient, now = new Date()): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  const cached = cache.get(db);
  if (cached?.day === day) return cached.salt;
  const fresh = JSON.stringify({ day, salt: randomBytes(32).toString("hex") });
  const inserted = await rows(
    sqlOf(db),
    qb
      .insertInto("Setting")
      .values({ key: SALT_KEY, value: sql`${fresh}::jsonb`, updatedAt: utcNow })
      .onConflict((oc) =>
        oc
          .column("key")
          .doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), updatedAt: utcNow }))
          .where((eb) => eb(sql<string>`${eb.ref("Setting.value")}->>'day'`, "is distinct from", day)),
      )
      .returning("value"),
  );
  // The setting's value is JSON: its shape is checked, whichever statement read it.
  const value = SaltSchema.parse(
    inserted[0]?.value ??
      (await db.setting.findUniqueOrThrow({ where: { key: SALT_KEY }, select: { value: true } })).value,
  );
  // A clock a little behind another instance's could read tomorrow's salt: only cache today's.
  if (value.day === day) cache.set(db, value);
  return value.salt;
}

/** An anonymous id for one browser on one day: neither the IP nor the user agent is stored. */
export function visitorId(salt: string, ip: string, userAgent: string): string {
  return createHash("sha256").update(`${salt}\n${ip}\n${userAgent}`).digest("hex").slice(0, 32);
}
