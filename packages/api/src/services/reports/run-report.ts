import type { PrismaClient } from "@shop/db";
import type { ReportInputSchema } from "@shop/validators";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { read } from "../../lib/sql.ts";
import { reports } from "./definitions.ts";
import type { ReportCell } from "./report.ts";
import { resolveRange } from "./range.ts";
import { shopCalendar } from "./shop.ts";

export type { ReportCell } from "./report.ts";

/** What the screen shows; a CSV export has no row limit. */
export const SCREEN_ROWS = 1_000;
export const EXPORT_ROWS = 200_000;

/**
 * One report for a range, sorted in SQL by any of its columns (through jsonb, so the column is
 * a parameter and values keep their type's order), followed by a stable tie-break.
 */
export async function runReport(
  db: PrismaClient,
  input: z.output<typeof ReportInputSchema>,
  options: { limit?: number } = {},
) {
  const definition = reports[input.report];
  const sort = input.sort ?? definition.defaultSort;
  if (!definition.columns.some((column) => column.key === sort)) {
    throw new AppError("BAD_INPUT", `The ${definition.title.toLowerCase()} report cannot be sorted by "${sort}"`, {
      field: "sort",
    });
  }
  const calendar = await shopCalendar(db);
  const range = { ...resolveRange(input, calendar.today), timeZone: calendar.timeZone };
  const limit = options.limit ?? SCREEN_ROWS;
  const rows = await read(
    db,
    definition.rows({ range, granularity: input.granularity, sort, direction: input.direction, limit }),
  );
  const keys = definition.columns.map((column) => column.key);
  return {
    report: input.report,
    title: definition.title,
    range: { ...range, granularity: input.granularity },
    sort: { key: sort, direction: input.direction },
    columns: definition.columns,
    rows: rows
      .slice(0, limit)
      .map((row): Record<string, ReportCell> => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]))),
    truncated: rows.length > limit,
  };
}
