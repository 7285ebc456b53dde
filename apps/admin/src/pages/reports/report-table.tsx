import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/ui";

type Report = RouterOutputs["admin"]["reports"]["get"];
type Column = Report["columns"][number];
type Cell = Report["rows"][number][string];

function show(column: Column, value: Cell | undefined, currency: string): string {
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
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm">
        <thead className="bg-subtle">
          <tr>
            {report.columns.map((column) => {
              const active = report.sort.key === column.key;
              const numeric = column.kind === "money" || column.kind === "int";
              const next =
                active && report.sort.direction === "desc" ? "asc" : active ? "desc" : numeric ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (report.sort.direction === "asc" ? "ascending" : "descending") : "none"}
                  className={`px-3 py-2 font-medium ${numeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 hover:underline"
                    onClick={() => onSort(column.key, next)}
                  >
                    {column.label}
                    <span aria-hidden="true">{active ? (report.sort.direction === "asc" ? "▲" : "▼") : ""}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, index) => (
            <tr key={index} className="border-t border-line">
              {report.columns.map((column) => (
                <td
                  key={column.key}
                  className={`px-3 py-2 ${column.kind === "money" || column.kind === "int" ? "text-right tabular-nums" : ""}`}
                >
                  {show(column, row[column.key], currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
