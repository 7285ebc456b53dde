import type { PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";
import { lowStockEmail } from "../email/templates.ts";
import { enqueueEmail } from "../email/outbox.ts";

const DEFAULT_THRESHOLD = 5;

const Claimed = z.object({ id: z.number(), sku: z.string(), title: z.string(), productId: z.number(), productName: z.string(), available: z.number() });

async function shopThreshold(db: PrismaClient): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: "inventory.lowStockThreshold" }, select: { value: true } });
  const parsed = z.number().int().min(0).safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_THRESHOLD;
}

/**
 * Alerts the admins, through the email outbox, about variants whose available stock fell to
 * their threshold (the variant's own, else the shop's). A variant is claimed by setting its
 * `lowStockAlertedAt` in the statement that selects it (SKIP LOCKED) and the email is written in
 * the same transaction, so with several instances each drop is alerted once, and a crash before
 * commit leaves it to the next run. Variants that were restocked above the threshold are
 * re-armed first, so the next drop alerts again.
 */
export async function queueLowStockAlerts(db: PrismaClient, publicUrl: string): Promise<number> {
  const threshold = await shopThreshold(db);
  await db.$executeRaw`
    UPDATE "Variant" SET "lowStockAlertedAt" = NULL
     WHERE "id" IN (
       SELECT "id" FROM "Variant"
        WHERE "lowStockAlertedAt" IS NOT NULL AND "stockOnHand" - "reserved" > COALESCE("lowStockThreshold", ${threshold})
        FOR UPDATE SKIP LOCKED)`;
  return db.$transaction(async (tx) => {
    const claimed = await parseRows(
      Claimed,
      tx.$queryRaw`
      UPDATE "Variant" AS v SET "lowStockAlertedAt" = now()
        FROM "Product" AS p
       WHERE p."id" = v."productId" AND v."id" IN (
         SELECT "id" FROM "Variant"
          WHERE "lowStockAlertedAt" IS NULL AND "stockOnHand" - "reserved" <= COALESCE("lowStockThreshold", ${threshold})
            AND "productId" IN (SELECT "id" FROM "Product" WHERE "status" = 'ACTIVE')
          ORDER BY "id" LIMIT 100
          FOR UPDATE SKIP LOCKED)
      RETURNING v."id", v."sku", v."title", v."productId", p."name" AS "productName", v."stockOnHand" - v."reserved" AS "available"`,
    );
    if (claimed.length === 0) return 0;
    const admins = await tx.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { email: true } });
    const email = lowStockEmail(claimed, publicUrl);
    for (const admin of admins) await enqueueEmail(tx, { to: admin.email, template: "low-stock", email });
    return claimed.length;
  });
}
