import { DataTable, formatMoney, type Column } from "@shop/ui";
import { Link } from "react-router";
import { OrderBadges } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { Coupon } from "./form-state.ts";

type Redemption = Coupon["recentRedemptions"][number];

const columns = (currency: string): Column<Redemption>[] => [
  {
    key: "order",
    header: "Order",
    rowHeader: true,
    cell: (redemption) => (
      <Link to={`/orders/${redemption.order.id}`} className="text-brand-700 underline">
        #{redemption.order.number}
      </Link>
    ),
  },
  { key: "when", header: "When", cell: (redemption) => formatDateTime(redemption.createdAt) },
  { key: "email", header: "Email", className: "break-all", cell: (redemption) => redemption.email },
  { key: "status", header: "Status", cell: (redemption) => <OrderBadges order={redemption.order} /> },
  {
    key: "discount",
    header: "Discount",
    align: "right",
    cell: (redemption) => formatMoney(redemption.discountAmount, currency),
  },
  {
    key: "total",
    header: "Order total",
    align: "right",
    cell: (redemption) => formatMoney(redemption.order.total, currency),
  },
];

export function Redemptions({ redemptions, currency }: { redemptions: Coupon["recentRedemptions"]; currency: string }) {
  return (
    <section aria-labelledby="redemptions-title">
      <h2 id="redemptions-title" className="mb-2 text-lg font-semibold">
        Recent redemptions
      </h2>
      {redemptions.length === 0 ? (
        <p className="text-sm text-muted">Not used yet.</p>
      ) : (
        <DataTable label="Redemptions" rows={redemptions} columns={columns(currency)} />
      )}
    </section>
  );
}
