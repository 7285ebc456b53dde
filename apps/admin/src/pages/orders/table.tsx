import type { RouterOutputs } from "@shop/api";
import { formatMoney, TableScroll } from "@shop/ui";
import { Link } from "react-router";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";

type Row = RouterOutputs["admin"]["orders"]["list"]["items"][number];

export function OrdersTable({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Orders" className="rounded-lg border border-line">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">Orders, newest first</caption>
        <thead className="bg-subtle text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="p-3">
              Order
            </th>
            <th scope="col" className="p-3">
              Placed
            </th>
            <th scope="col" className="p-3">
              Customer
            </th>
            <th scope="col" className="p-3">
              Status
            </th>
            <th scope="col" className="p-3 text-right">
              Items
            </th>
            <th scope="col" className="p-3 text-right">
              Total
            </th>
            <th scope="col" className="p-3 text-right">
              Refunded
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((order) => (
            <tr key={order.id} className="border-t border-line" data-testid="order-row">
              <th scope="row" className="p-3 font-medium">
                <Link to={`/orders/${order.id}`} className="text-brand-700 underline">
                  #{order.number}
                </Link>
              </th>
              <td className="whitespace-nowrap p-3">{formatDateTime(order.placedAt)}</td>
              <td className="p-3">
                {order.user ? (
                  <span className="block font-medium">{order.user.name}</span>
                ) : (
                  <span className="block text-muted">Guest</span>
                )}
                <span className="block break-all text-muted">{order.email}</span>
              </td>
              <td className="p-3">
                <StatusBadge status={order.status} />
              </td>
              <td className="p-3 text-right tabular-nums">{order.lineCount}</td>
              <td className="p-3 text-right tabular-nums">{formatMoney(order.total, order.currency)}</td>
              <td className="p-3 text-right tabular-nums">
                {order.refundedTotal > 0 ? formatMoney(order.refundedTotal, order.currency) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
