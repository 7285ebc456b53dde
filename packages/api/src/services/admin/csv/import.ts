import type { PrismaClient } from "@shop/db";
import { recordAudit, type AuditActor } from "../../audit/record.ts";
import { writeVariants } from "../products/save-product.ts";
import { productSnapshot } from "../products/snapshot.ts";
import { validateProductCsv } from "./validate.ts";

/** Errors reported at most; a file with more is wrong in a way a person fixes wholesale. */
const MAX_ERRORS = 500;

/**
 * Imports products and variants from CSV: validates every row first and writes nothing if any
 * is wrong; otherwise applies all rows in one transaction. A product in the file is created or
 * replaced (its variants become the file's, matched by SKU so existing ones keep their id).
 */
export async function importProductsCsv(db: PrismaClient, actor: AuditActor, input: { csv: string; dryRun: boolean }) {
  const { errors, products, rows } = await validateProductCsv(db, input.csv);
  if (errors.length > 0)
    return { ok: false as const, rows, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
  const summary = { ok: true as const, rows, products: products.length, created: 0, updated: 0, applied: false };
  if (input.dryRun) return summary;
  await db.$transaction(
    async (tx) => {
      for (const planned of products) {
        const existing = await tx.product.findUnique({
          where: { slug: planned.slug },
          select: { id: true, publishedAt: true, variants: { select: { id: true, sku: true } } },
        });
        const before = existing ? await productSnapshot(tx, existing.id) : undefined;
        // The file has no tags column: a product keeps the tags staff gave it.
        const { options: _options, variants: _variants, tags: _tags, ...columns } = planned.data;
        const publishedAt = existing?.publishedAt ?? (columns.status === "ACTIVE" ? new Date() : null);
        const product = existing
          ? await tx.product.update({
              where: { id: existing.id },
              data: { ...columns, publishedAt },
              select: { id: true },
            })
          : await tx.product.create({ data: { ...columns, publishedAt }, select: { id: true } });
        const ids = new Map(existing?.variants.map((variant) => [variant.sku.toLowerCase(), variant.id]) ?? []);
        const variants = planned.data.variants.map((variant) => ({
          ...variant,
          id: ids.get(variant.sku.toLowerCase()),
        }));
        await writeVariants(tx, product.id, { ...planned.data, variants }, actor.id, "IMPORT");
        await recordAudit(tx, {
          actor,
          action: existing ? "product.import.update" : "product.import.create",
          entityType: "Product",
          entityId: product.id,
          before,
          after: await productSnapshot(tx, product.id),
        });
        if (existing) summary.updated++;
        else summary.created++;
      }
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return { ...summary, applied: true };
}
