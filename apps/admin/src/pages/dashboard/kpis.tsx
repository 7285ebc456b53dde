import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/ui";
import { percentChange } from "../../lib/report-range.ts";

type Dashboard = RouterOutputs["admin"]["reports"]["dashboard"];
type Totals = Dashboard["current"];

const cards: Array<{ key: keyof Totals; label: string; money: boolean; lowerIsBetter?: boolean }> = [
  { key: "revenue", label: "Revenue", money: true },
  { key: "orders", label: "Orders", money: false },
  { key: "averageOrderValue", label: "Average order", money: true },
  { key: "units", label: "Units sold", money: false },
  { key: "newCustomers", label: "New customers", money: false },
  { key: "returningCustomers", label: "Returning customers", money: false },
  { key: "refunds", label: "Refunds", money: true, lowerIsBetter: true },
  { key: "discount", label: "Discounts", money: true, lowerIsBetter: true },
];

/** KPI cards, each with its change against the previous period of the same length. */
export function Kpis({ dashboard, currency }: { dashboard: Dashboard; currency: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {cards.map((card) => {
        const current = dashboard.current[card.key];
        const previous = dashboard.previous[card.key];
        const change = percentChange(current, previous);
        const good = change === null || change === 0 ? null : change > 0 !== (card.lowerIsBetter ?? false);
        const show = (value: number) => (card.money ? formatMoney(value, currency) : value.toLocaleString());
        return (
          <div key={card.key} className="min-w-0 rounded-lg border border-line bg-surface p-4" data-kpi={card.key}>
            <dt className="text-sm text-muted">{card.label}</dt>
            <dd className="mt-1 break-words text-xl font-semibold tabular-nums sm:text-2xl">{show(current)}</dd>
            <dd className={`mt-1 text-xs ${good === null ? "text-muted" : good ? "text-green-700" : "text-red-700"}`}>
              {change === null ? "no previous figure" : `${change > 0 ? "+" : ""}${change}%`} · before: {show(previous)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
