import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { parseRows } from "../../lib/sql.ts";
import { LOW_STOCK_INTRO, lowStockEmail } from "../email/stock-templates.ts";

type Tx = Prisma.TransactionClient;

export const DEFAULT_THRESHOLD_KEY = "inventory.lowStockThreshold";
/** Used when the shop has no default setting either. */
export const FALLBACK_THRESHOLD = 5;

/** A variant's threshold, else the shop default; an init-plan subquery, evaluated once per statement. */
export const thresholdSql = Prisma.sql`COALESCE(v."lowStockThreshold", (SELECT ("value" #>> '{}')::int FROM "Setting" WHERE "key" = ${DEFAULT_THRESHOLD_KEY}), ${FALLBACK_THRESHOLD}::int)`;

/**
 * The new `lowStockAlertedAt` of a variant whose available units become `available`: set at the
 * first change that leaves it at or below its threshold, kept while it stays there, cleared once
 * it rises above. Comparing it before and after the change tells a crossing, so an alert goes out
 * once per crossing and not on every sale below the threshold.
 */
export const lowStockAlertSql = (available: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${available} > ${thresholdSql} THEN NULL ELSE COALESCE(v."lowStockAlertedAt", now()) END`;

/** Queues one email per active staff member about variants that just crossed below their threshold (archived products aside). */
export async function alertLowStock(tx: Tx, variantIds: readonly number[]): Promise<void> {
  const [variants, staff] = await Promise.all([
    parseRows(
      z.object({
        id: z.number(),
        sku: z.string(),
        title: z.string(),
        productName: z.string(),
        available: z.number(),
        threshold: z.number(),
      }),
      tx.$queryRaw`SELECT v."id", v."sku", v."title", p."name" AS "productName", v."stockOnHand" - v."reserved" AS "available", ${thresholdSql} AS "threshold"
                     FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
                    WHERE v."id" = ANY(${[...variantIds]}::int[]) AND p."status" <> 'ARCHIVED' ORDER BY v."id"`,
    ),
    tx.user.findMany({
      where: { role: { in: ["STAFF", "ADMIN"] }, disabledAt: null },
      select: { email: true },
      orderBy: { id: "asc" },
    }),
  ]);
  if (variants.length === 0 || staff.length === 0) return;
  const email = lowStockEmail(variants);
  await tx.emailOutbox.createMany({
    data: staff.map((member) => ({
      to: member.email,
      template: "low-stock",
      subject: email.subject,
      text: email.text,
      html: email.html,
    })),
  });
}

const htmlEscaped = (text: Prisma.Sql) =>
  Prisma.sql`replace(replace(replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/**
 * The alert of `alertLowStock` as one INSERT over `crossed` (rows with "sku", "title",
 * "productId", "stockOnHand", "reserved", "threshold"), for the checkout's single statement,
 * which has no transaction around it to run a second query in. Same wording as lowStockEmail.
 */
export function lowStockOutboxSql(crossed: Prisma.Sql) {
  const line = Prisma.sql`p."name" || CASE WHEN c."title" <> '' THEN ' (' || c."title" || ')' ELSE '' END || ', SKU ' || c."sku" || ': '
    || (c."stockOnHand" - c."reserved") || ' available (threshold ' || c."threshold" || ')'`;
  return Prisma.sql`
      INSERT INTO "EmailOutbox" ("to", "template", "subject", "text", "html")
      SELECT u."email", 'low-stock', 'Low stock: ' || c."sku",
             ${LOW_STOCK_INTRO} || chr(10) || chr(10) || ${line} || chr(10),
             '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5"><p>' || ${LOW_STOCK_INTRO} || '</p><ul><li>' || ${htmlEscaped(line)} || '</li></ul></body></html>'
        FROM (${crossed}) c
        JOIN "Product" p ON p."id" = c."productId" AND p."status" <> 'ARCHIVED'
        JOIN "User" u ON u."role" IN ('STAFF', 'ADMIN') AND u."disabledAt" IS NULL`;
}

export async function getDefaultThreshold(db: Pick<PrismaClient, "setting">): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: DEFAULT_THRESHOLD_KEY }, select: { value: true } });
  const parsed = z.number().int().min(0).safeParse(setting?.value);
  return parsed.success ? parsed.data : FALLBACK_THRESHOLD;
}

/** Variants at or below their threshold, archived products aside (nobody reorders those). */
export const lowStockWhere = Prisma.sql`v."stockOnHand" - v."reserved" <= ${thresholdSql} AND p."status" <> 'ARCHIVED'`;

export async function lowStockCount(db: PrismaClient): Promise<{ count: number }> {
  const [row] = await parseRows(
    z.object({ count: z.number() }),
    db.$queryRaw`SELECT count(*)::int AS "count" FROM "Variant" v JOIN "Product" p ON p."id" = v."productId" WHERE ${lowStockWhere}`,
  );
  return { count: row?.count ?? 0 };
}
