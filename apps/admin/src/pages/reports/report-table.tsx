import type { RouterOutputs } from "@shop/api";
import { DataTable, formatMoney, type Column } from "@shop/ui";

type Report = RouterOutputs["admin"]["reports"]["get"];
type ReportColumn = Report["columns"][number];
type Row = Report["rows"][number];
type Cell = Row[string];
// Report rows have no id; their position in the server's order is their identity here.
type Entry = { row: Row; id: number };

function show(column: ReportColumn, value: Cell | undefined, currency: string): string {
  if (value === null || value === undefined) return "—";
  if (column.kind === "money" && typeof value === "number") return formatMoney(value, currency);
  if (column.kind === "int" && typeof value === "number") return value.toLocaleString();
  return String(value);
}

/** A report's rows; clicking a column heading sorts by it on the server (again to reverse). */
export function ReportTable({
  report,
  currency,
  onSort,
}: {
  report: Report;
  currency: string;
  onSort: (key: string, direction: "asc" | "desc") => void;
}) {
  const columns = report.columns.map((column): Column<Entry> => ({
    key: column.key,
    header: column.label,
    sortable: true,
    align: column.kind === "money" || column.kind === "int" ? "right" : "left",
    cell: (entry) => show(column, entry.row[column.key], currency),
  }));
  return (
    <DataTable
      label={`${report.title} rows`}
      rows={report.rows.map((row, id) => ({ row, id }))}
      columns={columns}
      dense
      sort={report.sort}
      onSort={(sort) => onSort(sort.key, sort.direction)}
    />
  );
}
