import type { RouterOutputs } from "@shop/api";
import { DataTable, formatMoney, type Column } from "@shop/ui";
import { Link } from "react-router";

type Dashboard = RouterOutputs["admin"]["reports"]["dashboard"];
type Entry = Omit<Dashboard["top"]["products"][number], "id"> & { id: string };
type CouponUse = Dashboard["coupons"][number] & { id: string };

const entryColumns = (currency: string): Column<Entry>[] => [
  { key: "name", header: "Name", cell: (entry) => entry.name },
  { key: "units", header: "Units", align: "right", cell: (entry) => entry.units },
  { key: "revenue", header: "Revenue", align: "right", cell: (entry) => formatMoney(entry.revenue, currency) },
];

const couponColumns = (currency: string): Column<CouponUse>[] => [
  { key: "code", header: "Code", className: "font-mono", cell: (coupon) => coupon.code },
  { key: "orders", header: "Orders", align: "right", cell: (coupon) => coupon.orders },
  {
    key: "discount",
    header: "Discount given",
    align: "right",
    cell: (coupon) => formatMoney(coupon.discount, currency),
  },
  { key: "revenue", header: "Order revenue", align: "right", cell: (coupon) => formatMoney(coupon.revenue, currency) },
];

function TopTable({
  title,
  entries,
  currency,
  report,
}: {
  title: string;
  entries: Dashboard["top"]["products"];
  currency: string;
  report: string;
}) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4" aria-label={title}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">No sales in this range.</p>
      ) : (
        <DataTable
          compact
          label={`${title} table`}
          rows={entries.map((entry) => ({ ...entry, id: `${entry.id ?? "none"}-${entry.name}` }))}
          columns={entryColumns(currency)}
        />
      )}
      <Link to={`/reports/${report}`} className="mt-2 inline-block text-sm text-brand-700 underline">
        Full report
      </Link>
    </section>
  );
}

export function TopLists({ dashboard, currency }: { dashboard: Dashboard; currency: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3 *:min-w-0">
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
        <DataTable
          compact
          label="Coupon performance table"
          rows={dashboard.coupons.map((coupon) => ({ ...coupon, id: coupon.code }))}
          columns={couponColumns(currency)}
        />
      )}
    </section>
  );
}
