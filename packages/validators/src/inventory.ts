import type { InventoryReason } from "@shop/db/enums";
import { z } from "zod";
import { SkuSchema, StockSchema } from "./admin-catalog.ts";
import { IdSchema, paginationFields } from "./common.ts";
import { parseCsv, type CsvRowError } from "./csv.ts";

/** Manual adjustments; the other reasons are written by orders and imports. */
export const ADJUST_REASONS = [
  "RESTOCK",
  "DAMAGE",
  "CORRECTION",
  "RETURN",
] as const satisfies readonly InventoryReason[];
export const AdjustReasonSchema = z.enum(ADJUST_REASONS, "Choose a reason");

const DeltaSchema = z
  .number({ error: "Enter a number of units" })
  .int("Enter whole units")
  .min(-1_000_000, "Enter at most 1,000,000 units")
  .max(1_000_000, "Enter at most 1,000,000 units");

/** `delta` is signed: restocks and returns add, damage removes, a correction goes either way. */
export const StockAdjustSchema = z
  .object({
    variantId: IdSchema,
    reason: AdjustReasonSchema,
    delta: DeltaSchema.refine((delta) => delta !== 0, "Enter a number of units other than zero"),
    note: z
      .string()
      .trim()
      .max(500, "At most 500 characters")
      .nullish()
      .transform((note) => note || null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.reason === "RESTOCK" || input.reason === "RETURN") && input.delta < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["delta"],
        message: "A restock or return adds units; use damage or a correction to remove them",
      });
    }
    if (input.reason === "DAMAGE" && input.delta > 0)
      ctx.addIssue({ code: "custom", path: ["delta"], message: "Damage removes units: enter a negative number" });
  });

export const InventoryListSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    lowStock: z.boolean().optional(),
    ...paginationFields(50),
  })
  .strict();

export const VariantIdSchema = z.object({ variantId: IdSchema }).strict();

export const StockHistorySchema = z.object({ variantId: IdSchema, ...paginationFields(50) }).strict();

/** null: use the shop's default threshold. */
export const ThresholdSchema = z.object({ variantId: IdSchema, threshold: StockSchema.nullable() }).strict();
export const DefaultThresholdSchema = z.object({ threshold: StockSchema }).strict();

// Bulk stock CSV: `sku` and `quantity` (the count on hand) or `delta` (units to add or remove),
// one of the two per row; `note` optional.
export const STOCK_CSV_COLUMNS = ["sku", "quantity", "delta", "note"] as const;

/** An optional whole-number cell: empty is null. */
const numberCell = (pattern: RegExp, message: string, schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    .refine((text) => text === "" || pattern.test(text), message)
    .transform((text) => (text === "" ? null : Number(text)))
    .pipe(schema.nullable());

export const StockCsvRowSchema = z
  .object({
    sku: SkuSchema,
    quantity: numberCell(/^\d{1,7}$/, "Use a whole number of units", StockSchema),
    delta: numberCell(/^[+-]?\d{1,7}$/, "Use a whole number, e.g. 12 or -3", DeltaSchema),
    note: z.string().trim().max(500, "At most 500 characters"),
  })
  .superRefine((row, ctx) => {
    if (row.quantity === null && row.delta === null)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Give a quantity or a delta" });
    if (row.quantity !== null && row.delta !== null)
      ctx.addIssue({ code: "custom", path: ["delta"], message: "Give a quantity or a delta, not both" });
    if (row.delta === 0) ctx.addIssue({ code: "custom", path: ["delta"], message: "A delta of zero changes nothing" });
  });
export type StockCsvRow = z.output<typeof StockCsvRowSchema> & { line: number };

/**
 * Checks a stock CSV on its own (header, every cell, repeated SKUs); the server then checks SKUs
 * and levels against the database. The admin runs it in the browser before uploading.
 */
export function validateStockCsv(text: string): { rows: StockCsvRow[]; errors: CsvRowError[] } {
  const [header = [], ...data] = parseCsv(text);
  const names = header.map((name) => name.trim().toLowerCase());
  const errors: CsvRowError[] = [];
  if (!names.includes("sku")) errors.push({ row: 1, column: "sku", message: "Missing column" });
  if (!names.includes("quantity") && !names.includes("delta"))
    errors.push({ row: 1, column: "quantity", message: "Add a quantity or a delta column" });
  if (errors.length > 0) return { rows: [], errors };
  if (data.length === 0) return { rows: [], errors: [{ row: 1, column: "", message: "The file has no rows" }] };
  const rows: StockCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const [index, cells] of data.entries()) {
    const line = index + 2;
    const record = Object.fromEntries(STOCK_CSV_COLUMNS.map((column) => [column, cells[names.indexOf(column)] ?? ""]));
    const result = StockCsvRowSchema.safeParse(record);
    if (!result.success) {
      errors.push(
        ...result.error.issues.map((issue) => ({
          row: line,
          column: String(issue.path[0] ?? ""),
          message: issue.message,
        })),
      );
      continue;
    }
    const key = result.data.sku.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: line, column: "sku", message: `Also on line ${first}` });
    else seen.set(key, line);
    rows.push({ ...result.data, line });
  }
  return { rows, errors };
}

export const StockCsvImportSchema = z
  .object({
    csv: z.string().min(1, "Choose a file").max(5_000_000, "Files may be at most 5 MB"),
    dryRun: z.boolean().default(false),
  })
  .strict();
