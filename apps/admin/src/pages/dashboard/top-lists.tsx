import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/ui";
import { Link } from "react-router";

type Dashboard = RouterOutputs["admin"]["reports"]["dashboard"];
type Entry = Dashboard["top"]["products"][number];

function TopTable({
  title,
  entries,
  currency,
  report,
}: {
  title: string;
  entries: Entry[];
  currency: string;
  report: string;
}) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4" aria-label={title}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">No sales in this range.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1 font-medium">
                Name
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Units
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.id ?? "none"}-${entry.name}`} className="border-t border-line">
                <td className="py-1 pr-2">{entry.name}</td>
                <td className="py-1 text-right tabular-nums">{entry.units}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(entry.revenue, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Link to={`/reports/${report}`} className="mt-2 inline-block text-sm text-brand-700 underline">
        Full report
      </Link>
    </section>
  );
}

export function TopLists({ dashboard, currency }: { dashboard: Dashboard; currency: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <TopTable title="Top products" entries={dashboard.top.products} currency={currency} report="products" />
      <TopTable title="Top categories" entries={dashboard.top.categories} currency={currency} report="categories" />
      <TopTable title="Top brands" entries={dashboard.top.brands} currency={currency} report="brands" />
    </div>
  );
}

export function Coupons({ dashboard, currency }: { dashboard: Dashboard; currency: string }) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4" aria-label="Coupon performance">
      <h2 className="mb-2 font-semibold">Coupon performance</h2>
      {dashboard.coupons.length === 0 ? (
        <p className="text-sm text-muted">No coupon was used in this range.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1 font-medium">
                Code
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Orders
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Discount given
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Order revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.coupons.map((coupon) => (
              <tr key={coupon.code} className="border-t border-line">
                <td className="py-1 font-mono">{coupon.code}</td>
                <td className="py-1 text-right tabular-nums">{coupon.orders}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(coupon.discount, currency)}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(coupon.revenue, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
