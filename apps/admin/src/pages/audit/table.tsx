import type { RouterOutputs } from "@shop/api";
import { formatDateTime } from "../../lib/format.ts";

type Row = RouterOutputs["admin"]["audit"]["list"]["items"][number];

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

/** Records with their before and after states, shown on demand (they can be long). */
export function AuditTable({ rows }: { rows: readonly Row[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Audit records, newest first</caption>
        <thead className="bg-subtle text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="p-3">
              When
            </th>
            <th scope="col" className="p-3">
              Who
            </th>
            <th scope="col" className="p-3">
              Action
            </th>
            <th scope="col" className="p-3">
              Entity
            </th>
            <th scope="col" className="p-3">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line align-top" data-testid="audit-row">
              <td className="p-3 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
              <td className="p-3">
                {row.actor?.name ?? "—"}
                <span className="block text-xs text-muted">{row.actorEmail ?? row.actor?.email}</span>
              </td>
              <td className="p-3 font-mono text-xs">{row.action}</td>
              <td className="p-3">
                {row.entityType} <span className="font-mono">#{row.entityId}</span>
              </td>
              <td className="p-3">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
