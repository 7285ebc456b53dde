import type { ReactNode } from "react";
import { TableScroll } from "../table-scroll.tsx";

export type SortDirection = "asc" | "desc";
export type TableSort = { key: string; direction: SortDirection };

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** The cell that names the row is a row header for screen readers. */
  rowHeader?: boolean;
  className?: string;
  /** Sortable columns get a heading button; numbers usually start with the biggest first. */
  sortable?: boolean;
  firstDirection?: SortDirection;
};

export type RowSelection<Key> = {
  selected: ReadonlySet<Key>;
  onChange: (next: Set<Key>) => void;
  /** What a row's checkbox is called ("Select Blue shirt"). */
  label: (key: Key) => string;
};

type Props<Row extends { id: string | number }> = {
  label: string;
  caption?: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowTestId?: string;
  testId?: string;
  rowClassName?: string;
  /** Extra `data-` attributes a test or style hooks onto. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** Short tables inside a card: tighter rows, no scroll box of their own. */
  compact?: boolean;
  /** Many narrow columns (reports): tighter cells, so ten money columns fit a laptop screen. */
  dense?: boolean;
  /** Wide tables scroll sideways below this width; by default 7rem a column (none when dense). */
  minWidth?: string;
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
  selection?: RowSelection<Row["id"]>;
};

const headingSort = (active: boolean, direction: SortDirection) =>
  active ? (direction === "asc" ? "ascending" : "descending") : "none";

/**
 * Every list screen's table: a scrolling region with a sticky header, sortable headings and row
 * checkboxes. The region is `relative` so screen-reader-only text in cells (absolutely placed)
 * scrolls with it instead of widening the page.
 */
export function DataTable<Row extends { id: string | number }>({
  label,
  caption,
  rows,
  columns,
  rowTestId,
  testId,
  rowClassName = "",
  rowData,
  compact = false,
  dense = false,
  minWidth = compact || dense ? "0" : `${columns.length * 7}rem`,
  sort,
  onSort,
  selection,
}: Props<Row>) {
  const keys = rows.map((row) => row.id);
  const allSelected = selection !== undefined && keys.length > 0 && keys.every((key) => selection.selected.has(key));
  const toggle = (key: Row["id"]) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  const pad = compact ? "px-2 py-1.5" : dense ? "px-2 py-2" : "p-3";
  const align = (column: Column<Row>) => (column.align === "right" ? "text-right tabular-nums" : "");
  return (
    <TableScroll
      label={label}
      className={`relative ${compact ? "" : "max-h-[75vh] overflow-y-auto rounded-lg border border-line"}`}
    >
      <table className="w-full text-left text-sm" style={{ minWidth }} data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="sticky top-0 z-10 bg-subtle text-xs uppercase text-muted">
          <tr>
            {selection && (
              <th scope="col" className={`w-10 ${pad}`}>
                <input
                  type="checkbox"
                  aria-label="Select all"
                  className="size-4"
                  checked={allSelected}
                  onChange={(event) => selection.onChange(event.target.checked ? new Set(keys) : new Set())}
                />
              </th>
            )}
            {columns.map((column) => {
              const active = sort?.key === column.key;
              const direction = sort?.direction ?? "asc";
              const next: SortDirection = active
                ? direction === "asc"
                  ? "desc"
                  : "asc"
                : (column.firstDirection ?? (column.align === "right" ? "desc" : "asc"));
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={column.sortable ? headingSort(active, direction) : undefined}
                  className={`${pad} ${column.align === "right" ? "text-right" : ""}`}
                >
                  {column.sortable && onSort ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 uppercase hover:underline"
                      onClick={() => onSort({ key: column.key, direction: next })}
                    >
                      {column.header}
                      <span aria-hidden="true">{active ? (direction === "asc" ? "▲" : "▼") : ""}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = row.id;
            return (
              <tr
                key={key}
                className={`border-t border-line ${rowClassName}`}
                data-testid={rowTestId}
                {...rowData?.(row)}
              >
                {selection && (
                  <td className={pad}>
                    <input
                      type="checkbox"
                      className="size-4"
                      aria-label={selection.label(key)}
                      checked={selection.selected.has(key)}
                      onChange={() => toggle(key)}
                    />
                  </td>
                )}
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th
                      key={column.key}
                      scope="row"
                      className={`${pad} font-medium ${align(column)} ${column.className ?? ""}`}
                    >
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={`${pad} ${align(column)} ${column.className ?? ""}`}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
