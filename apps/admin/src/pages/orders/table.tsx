import type { RouterOutputs } from "@shop/api";
import { DataTable, formatMoney, type Column, type RowSelection } from "@shop/ui";
import { Link } from "react-router";
import { OrderBadges } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";

type Row = RouterOutputs["admin"]["orders"]["list"]["items"][number];

const columns: Column<Row>[] = [
  {
    key: "number",
    header: "Order",
    rowHeader: true,
    cell: (order) => (
      <Link to={`/orders/${order.id}`} className="text-brand-700 underline">
        #{order.number}
      </Link>
    ),
  },
  { key: "placed", header: "Placed", className: "whitespace-nowrap", cell: (order) => formatDateTime(order.placedAt) },
  {
    key: "customer",
    header: "Customer",
    cell: (order) => (
      <>
        {order.user ? (
          <span className="block font-medium">{order.user.name}</span>
        ) : (
          <span className="block text-muted">Guest</span>
        )}
        <span className="block break-all text-muted">{order.email}</span>
      </>
    ),
  },
  { key: "status", header: "Status", cell: (order) => <OrderBadges order={order} /> },
  { key: "items", header: "Items", align: "right", cell: (order) => order.lineCount },
  { key: "total", header: "Total", align: "right", cell: (order) => formatMoney(order.total, order.currency) },
  {
    key: "refunded",
    header: "Refunded",
    align: "right",
    cell: (order) => (order.refundedTotal > 0 ? formatMoney(order.refundedTotal, order.currency) : "—"),
  },
];

export function OrdersTable({ rows, selection }: { rows: Row[]; selection?: RowSelection<number> }) {
  return (
    <DataTable
      label="Orders"
      caption="Orders, newest first"
      rows={rows}
      columns={columns}
      rowTestId="order-row"
      selection={selection}
    />
  );
}
