import type { RouterOutputs } from "@shop/api";
import { DataTable, type Column } from "@shop/ui";
import { Link } from "react-router";
import { formatDateTime } from "../../lib/format.ts";
import { recordPath } from "../../lib/record-links.ts";

type Row = RouterOutputs["admin"]["audit"]["list"]["items"][number];

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

const columns: Column<Row>[] = [
  { key: "when", header: "When", className: "whitespace-nowrap", cell: (row) => formatDateTime(row.createdAt) },
  {
    key: "who",
    header: "Who",
    cell: (row) => (
      <>
        {row.actor?.name ?? "—"}
        <span className="block text-xs text-muted">{row.actorEmail ?? row.actor?.email}</span>
      </>
    ),
  },
  { key: "action", header: "Action", className: "font-mono text-xs", cell: (row) => row.action },
  {
    key: "entity",
    header: "Entity",
    cell: (row) => {
      const path = row.entityExists ? recordPath(row.entityType, row.entityId) : null;
      const label = row.entityLabel ?? `${row.entityType} ${row.entityId}`;
      return (
        <>
          {path ? (
            <Link to={path} className="font-medium text-brand-700 underline">
              {label}
            </Link>
          ) : (
            <span className="font-medium">{label}</span>
          )}
          <span className="block text-xs text-muted">
            {row.entityType.toLowerCase()}
            {!row.entityExists && row.entityLabel !== null && " · no longer exists"}
          </span>
        </>
      );
    },
  },
  {
    key: "change",
    header: "Change",
    cell: (row) => (
      <details>
        <summary className="cursor-pointer text-brand-700 underline">Before and after</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          <div>
            <p className="text-xs font-medium uppercase text-muted">Before</p>
            <pre className="max-h-80 overflow-auto rounded bg-subtle p-2 text-xs">{json(row.before)}</pre>
          </div>
          <div>
            <p className="text-xs font-medium uppercase text-muted">After</p>
            <pre className="max-h-80 overflow-auto rounded bg-subtle p-2 text-xs">{json(row.after)}</pre>
          </div>
        </div>
      </details>
    ),
  },
];

/** Records with their before and after states, shown on demand (they can be long). */
export function AuditTable({ rows }: { rows: readonly Row[] }) {
  return (
    <DataTable
      label="Audit records"
      caption="Audit records, newest first"
      rows={rows}
      columns={columns}
      rowTestId="audit-row"
      rowClassName="align-top"
    />
  );
}
