import { z } from "zod";
import { SkuSchema, StockSchema } from "./admin-catalog.ts";
import { ProductStatusSchema } from "./catalog.ts";
import { SlugSchema } from "./common.ts";

/** Product CSV: one row per variant; product columns repeat on each of its rows. */
export const PRODUCT_CSV_COLUMNS = [
  "product_slug",
  "product_name",
  "status",
  "brand",
  "category",
  "featured",
  "description",
  "seo_title",
  "seo_description",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
  "sku",
  "price",
  "compare_at_price",
  "stock",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

/** Quotes a cell when it must be; neutralises leading =+-@ so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "12.34" (or "12") in the currency's major unit → 1234 minor units, without floating point. */
export const MoneyCellSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "Use a price like 19.99")
  .transform((text) => {
    const [whole = "0", cents = ""] = text.split(".");
    return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
  });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const ProductCsvRowSchema = z.object({
  product_slug: SlugSchema,
  product_name: z.string().trim().min(1, "Required").max(200),
  status: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toUpperCase() || "DRAFT" : value),
    ProductStatusSchema,
  ),
  brand: optional(SlugSchema),
  category: optional(SlugSchema),
  featured: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
      z.enum(["", "true", "false", "yes", "no", "1", "0"], "Use true or false"),
    )
    .transform((value) => ["true", "yes", "1"].includes(value)),
  description: z.string().max(10_000),
  seo_title: z.string().trim().max(70, "At most 70 characters"),
  seo_description: z.string().trim().max(160, "At most 160 characters"),
  option1_name: z.string().trim().max(60),
  option1_value: z.string().trim().max(60),
  option2_name: z.string().trim().max(60),
  option2_value: z.string().trim().max(60),
  option3_name: z.string().trim().max(60),
  option3_value: z.string().trim().max(60),
  sku: SkuSchema,
  price: MoneyCellSchema.refine((price) => price > 0, "Enter a price above zero"),
  compare_at_price: optional(MoneyCellSchema),
  stock: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, "Use a whole number")
    .transform(Number)
    .pipe(StockSchema),
});
export type ProductCsvRow = z.output<typeof ProductCsvRowSchema>;

export type CsvRowError = { row: number; column: string; message: string };

/** Header check: every column present exactly once; returns each column's index. */
export function csvColumnIndex(header: string[]): { index: Map<ProductCsvColumn, number>; errors: CsvRowError[] } {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const index = new Map<ProductCsvColumn, number>();
  const errors: CsvRowError[] = [];
  for (const column of PRODUCT_CSV_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) errors.push({ row: 1, column, message: "Missing column" });
    else index.set(column, at);
  }
  return { index, errors };
}

/** Validates one data row (`line` is its 1-based line in the file, the header being line 1). */
export function validateCsvRow(cells: string[], index: Map<ProductCsvColumn, number>, line: number) {
  const record = Object.fromEntries(
    PRODUCT_CSV_COLUMNS.map((column) => [column, cells[index.get(column) ?? -1] ?? ""]),
  );
  const result = ProductCsvRowSchema.safeParse(record);
  if (result.success) return { row: result.data, errors: [] as CsvRowError[] };
  return {
    row: null,
    errors: result.error.issues.map((issue) => ({
      row: line,
      column: String(issue.path[0] ?? ""),
      message: issue.message,
    })),
  };
}
