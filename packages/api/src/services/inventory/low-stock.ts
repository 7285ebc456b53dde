import { qb, type DB, type Prisma, type PrismaClient } from "@shop/db";
import { Role } from "@shop/db/enums";
import { expressionBuilder, sql, type AliasedSelectQueryBuilder, type Expression, type Selectable } from "kysely";
import { z } from "zod";
import { prismaQuery, rows, sqlOf } from "../../lib/sql.ts";
import { LOW_STOCK_INTRO, lowStockEmail } from "../email/stock-templates.ts";

type Tx = Prisma.TransactionClient;

export const DEFAULT_THRESHOLD_KEY = "inventory.lowStockThreshold";
/** Used when the shop has no default setting either. */
export const FALLBACK_THRESHOLD = 5;

/** Conditions and expressions on a variant (alias `v`) and its product (alias `p`), typed by the schema. */
const eb = expressionBuilder<DB & { v: DB["Variant"]; p: DB["Product"] }, "v" | "p">();

/** A variant's threshold, else the shop default; an init-plan subquery, evaluated once per statement. */
export const threshold = eb.fn.coalesce(
  "v.lowStockThreshold",
  eb
    .selectFrom("Setting as s")
    // The setting is a JSON number; `#>> '{}'` is its text.
    .select((s) => sql<number>`(${s.ref("s.value")} #>> '{}')::int`.as("value"))
    .where("s.key", "=", DEFAULT_THRESHOLD_KEY)
    .$asScalar(),
  sql<number>`${FALLBACK_THRESHOLD}::int`,
);

/** Units available: on hand minus reserved. */
export const available = eb("v.stockOnHand", "-", eb.ref("v.reserved"));

/**
 * The new `lowStockAlertedAt` of a variant whose available units become `units`: set at the
 * first change that leaves it at or below its threshold, kept while it stays there, cleared once
 * it rises above. Comparing it before and after the change tells a crossing, so an alert goes out
 * once per crossing and not on every sale below the threshold.
 */
export const lowStockAlert = (units: Expression<number>) =>
  eb
    .case()
    .when(units, ">", threshold)
    .then(sql<Date | null>`NULL`)
    .else(eb.fn.coalesce("v.lowStockAlertedAt", sql<Date>`now()`))
    .end();

const notArchived = eb("p.status", "<>", sql.lit("ARCHIVED"));

/** Variants at or below their threshold, archived products aside (nobody reorders those). */
export const lowStockWhere = eb.and([eb(available, "<=", threshold), notArchived]);

/** Queues one email per active staff member about variants that just crossed below their threshold (archived products aside). */
export async function alertLowStock(tx: Tx, variantIds: readonly number[]): Promise<void> {
  const [variants, staff] = await Promise.all([
    prismaQuery(
      tx,
      qb
        .selectFrom("Variant as v")
        .innerJoin("Product as p", "p.id", "v.productId")
        .select([
          "v.id",
          "v.sku",
          "v.title",
          "p.name as productName",
          available.as("available"),
          threshold.as("threshold"),
        ])
        .where("v.id", "=", eb.fn.any(sql<number[]>`${[...variantIds]}::int[]`))
        .where(notArchived)
        .orderBy("v.id"),
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

const htmlEscaped = (text: Expression<string>) =>
  sql<string>`replace(replace(replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/** What `lowStockOutboxRows` reads of a variant that crossed its threshold. */
export type Crossed = Pick<Selectable<DB["Variant"]>, "sku" | "title" | "productId" | "stockOnHand" | "reserved"> & {
  threshold: number;
};

/** The `EmailOutbox` columns `lowStockOutboxRows` fills, in its order. */
export const lowStockOutboxColumns = ["to", "template", "subject", "text", "html"] as const;

/**
 * The rows of `alertLowStock`'s emails for the variants `crossed` (alias `c`), to insert in the
 * checkout's single statement, which has no transaction around it to run a second query in. Same
 * wording as lowStockEmail.
 */
export function lowStockOutboxRows(crossed: AliasedSelectQueryBuilder<Crossed, "c">) {
  return qb
    .selectFrom(crossed)
    .innerJoin("Product as p", (join) =>
      join.onRef("p.id", "=", "c.productId").on("p.status", "<>", sql.lit("ARCHIVED")),
    )
    .innerJoin("User as u", (join) =>
      join.on("u.role", "in", [sql.lit(Role.STAFF), sql.lit(Role.ADMIN)]).on("u.disabledAt", "is", null),
    )
    .select((c) => {
      const title = c.ref("c.title");
      const line = sql<string>`${c.ref("p.name")} || CASE WHEN ${title} <> '' THEN ' (' || ${title} || ')' ELSE '' END
        || ', SKU ' || ${c.ref("c.sku")} || ': ' || (${c.ref("c.stockOnHand")} - ${c.ref("c.reserved")})
        || ' available (threshold ' || ${c.ref("c.threshold")} || ')'`;
      return [
        c.ref("u.email").as("to"),
        sql.lit("low-stock").as("template"),
        sql<string>`'Low stock: ' || ${c.ref("c.sku")}`.as("subject"),
        sql<string>`${LOW_STOCK_INTRO} || chr(10) || chr(10) || ${line} || chr(10)`.as("text"),
        sql<string>`'<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5"><p>' || ${LOW_STOCK_INTRO}
          || '</p><ul><li>' || ${htmlEscaped(line)} || '</li></ul></body></html>'`.as("html"),
      ];
    });
}

export async function getDefaultThreshold(db: Pick<PrismaClient, "setting">): Promise<number> {
  const setting = await db.setting.findUnique({ where: { key: DEFAULT_THRESHOLD_KEY }, select: { value: true } });
  const parsed = z.number().int().min(0).safeParse(setting?.value);
  return parsed.success ? parsed.data : FALLBACK_THRESHOLD;
}

export async function lowStockCount(db: PrismaClient): Promise<{ count: number }> {
  const [row] = await rows(
    sqlOf(db),
    qb
      .selectFrom("Variant as v")
      .innerJoin("Product as p", "p.id", "v.productId")
      .select(sql<number>`count(*)::int`.as("count"))
      .where(lowStockWhere),
  );
  return { count: row?.count ?? 0 };
}
