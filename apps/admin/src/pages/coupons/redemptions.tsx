import { formatMoney, TableScroll } from "@shop/ui";
import { Link } from "react-router";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { Coupon } from "./form-state.ts";

export function Redemptions({ redemptions, currency }: { redemptions: Coupon["recentRedemptions"]; currency: string }) {
  return (
    <section aria-labelledby="redemptions-title">
      <h2 id="redemptions-title" className="mb-2 text-lg font-semibold">
        Recent redemptions
      </h2>
      {redemptions.length === 0 ? (
        <p className="text-sm text-muted">Not used yet.</p>
      ) : (
        <TableScroll label="Redemptions" className="rounded-lg border border-line">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Order
                </th>
                <th scope="col" className="p-3">
                  When
                </th>
                <th scope="col" className="p-3">
                  Email
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3 text-right">
                  Discount
                </th>
                <th scope="col" className="p-3 text-right">
                  Order total
                </th>
              </tr>
            </thead>
            <tbody>
              {redemptions.map((redemption) => (
                <tr key={redemption.id} className="border-t border-line">
                  <th scope="row" className="p-3">
                    <Link to={`/orders/${redemption.order.id}`} className="font-medium text-brand-700 underline">
                      #{redemption.order.number}
                    </Link>
                  </th>
                  <td className="p-3">{formatDateTime(redemption.createdAt)}</td>
                  <td className="break-all p-3">{redemption.email}</td>
                  <td className="p-3">
                    <StatusBadge status={redemption.order.status} />
                  </td>
                  <td className="p-3 text-right tabular-nums">{formatMoney(redemption.discountAmount, currency)}</td>
                  <td className="p-3 text-right tabular-nums">{formatMoney(redemption.order.total, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
