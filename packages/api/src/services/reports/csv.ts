import type { PrismaClient } from "@shop/db";
import { csvCell, type ReportInputSchema } from "@shop/validators";
import type { z } from "zod";
import type { ReportColumn } from "./report.ts";
import { EXPORT_ROWS, runReport, type ReportCell } from "./run-report.ts";

/** Minor units as a plain decimal ("-12.05"), without floating point. */
export function decimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

// Numbers we format ourselves go out as they are (a negative amount must stay a number);
// text from the database goes through csvCell, which defuses = + - @ at the start.
function cell(column: ReportColumn, value: ReportCell): string {
  if (value === null) return "";
  if (column.kind === "money" && typeof value === "number") return decimal(value);
  if (column.kind === "int" && typeof value === "number") return String(value);
  return csvCell(String(value));
}

/** The report as CSV, from the same SQL as the screen, with every row. */
export async function reportCsv(db: PrismaClient, input: z.output<typeof ReportInputSchema>) {
  const report = await runReport(db, input, { limit: EXPORT_ROWS });
  const lines = [report.columns.map((column) => csvCell(column.label)).join(",")];
  for (const row of report.rows)
    lines.push(report.columns.map((column) => cell(column, row[column.key] ?? null)).join(","));
  return {
    filename: `${input.report}-${report.range.from}-to-${report.range.to}.csv`,
    csv: `${lines.join("\r\n")}\r\n`,
    rows: report.rows.length,
    truncated: report.truncated,
  };
}
