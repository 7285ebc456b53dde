import type { RouterOutputs } from "@shop/api";
import { displayLocale, formatMoney } from "@shop/ui";
import { periodLabel } from "../../lib/dates.ts";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Dashboard = RouterOutputs["admin"]["reports"]["dashboard"];
type Bucket = Dashboard["series"][number];
type Granularity = Dashboard["range"]["granularity"];

/** Revenue (bars, left axis) and orders (line, right axis) per day, week or month. */
export function SalesChart({
  series,
  currency,
  granularity,
}: {
  series: Bucket[];
  currency: string;
  granularity: Granularity;
}) {
  const money = (value: number) => formatMoney(value, currency);
  const period = (start: unknown) =>
    typeof start === "string" ? periodLabel(start, granularity, displayLocale()) : "";
  const total = series.reduce((sum, bucket) => sum + bucket.revenue, 0);
  const orders = series.reduce((sum, bucket) => sum + bucket.orders, 0);
  return (
    <figure className="rounded-lg border border-line bg-surface p-4" data-testid="sales-chart">
      <figcaption className="mb-2 font-semibold">Revenue and orders</figcaption>
      <div
        role="img"
        aria-label={`Revenue ${money(total)} and ${orders} orders over ${series.length} periods`}
        className="h-72 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="start" tick={{ fontSize: 12 }} minTickGap={16} tickFormatter={period} />
            <YAxis yAxisId="revenue" tick={{ fontSize: 12 }} width={80} tickFormatter={money} />
            <YAxis yAxisId="orders" orientation="right" tick={{ fontSize: 12 }} allowDecimals={false} />
            <Tooltip
              labelFormatter={period}
              formatter={(value, name) => (name === "Revenue" && typeof value === "number" ? money(value) : value)}
            />
            <Legend />
            <Bar yAxisId="revenue" dataKey="revenue" name="Revenue" fill="#2563eb" isAnimationActive={false} />
            <Line
              yAxisId="orders"
              dataKey="orders"
              name="Orders"
              stroke="#ea580c"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
