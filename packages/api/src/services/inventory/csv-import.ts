import type { PrismaClient } from "@shop/db";
import { validateStockCsv, type CsvRowError } from "@shop/validators";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditInput } from "../audit/record.ts";
import { moveStock } from "./stock.ts";

const MAX_ERRORS = 500;

/**
 * Bulk stock update from CSV, like the product import: every row is checked (cells, repeated
 * SKUs, unknown SKUs, levels below what orders hold) and every problem reported by line and
 * column with nothing written; a clean file is applied in one transaction. Rows go in SKU-id
 * order (the lock order checkouts use); a level changed by a sale since validation that makes a
 * row impossible rolls the whole file back.
 */
export async function importStockCsv(
  db: PrismaClient,
  actor: AuditInput["actor"],
  input: { csv: string; dryRun: boolean },
  ip: string | null = null,
) {
  const { rows, errors } = validateStockCsv(input.csv);
  const variants = await db.variant.findMany({
    where: { sku: { in: rows.map((row) => row.sku), mode: "insensitive" } },
    select: { id: true, sku: true, stockOnHand: true, reserved: true },
  });
  const bySku = new Map(variants.map((variant) => [variant.sku.toLowerCase(), variant]));
  const planned: Array<{ variantId: number; line: number; change: { add: number } | { set: number }; note: string }> =
    [];
  for (const row of rows) {
    const variant = bySku.get(row.sku.toLowerCase());
    if (!variant) {
      errors.push({ row: row.line, column: "sku", message: "No variant has this SKU" });
      continue;
    }
    const target = row.quantity ?? variant.stockOnHand + (row.delta ?? 0);
    const column = row.quantity === null ? "delta" : "quantity";
    if (target < variant.reserved)
      errors.push({
        row: row.line,
        column,
        message: `Would leave ${target} on hand, fewer than the ${variant.reserved} reserved by orders`,
      });
    planned.push({
      variantId: variant.id,
      line: row.line,
      change: row.quantity === null ? { add: row.delta ?? 0 } : { set: row.quantity },
      note: row.note,
    });
  }
  errors.sort((a: CsvRowError, b: CsvRowError) => a.row - b.row);
  if (errors.length > 0)
    return { ok: false as const, rows: rows.length, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
  if (input.dryRun) return { ok: true as const, rows: rows.length, changed: 0, applied: false };
  planned.sort((a, b) => a.variantId - b.variantId);
  const changed = await db.$transaction(
    async (tx) => {
      let count = 0;
      for (const row of planned) {
        const levels = await moveStock(
          tx,
          "IMPORT",
          { variantId: row.variantId, actorId: actor.id, note: row.note || "Stock CSV" },
          { onHand: row.change },
        );
        if (!levels)
          throw new AppError(
            "CONFLICT",
            `Line ${row.line}: orders changed this variant's stock meanwhile; check the file again`,
          );
        if (levels.stockOnHand === levels.stockBefore) continue;
        count++;
        await recordAudit(tx, {
          actor,
          action: "inventory.import",
          entityType: "Variant",
          entityId: row.variantId,
          before: { stockOnHand: levels.stockBefore, reserved: levels.reservedBefore },
          after: { stockOnHand: levels.stockOnHand, reserved: levels.reserved, line: row.line },
          ip,
        });
      }
      return count;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  return { ok: true as const, rows: rows.length, changed, applied: true };
}
