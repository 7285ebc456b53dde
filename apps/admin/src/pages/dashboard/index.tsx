import { plainErrorMessage, useTRPC } from "@shop/client";
import { EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { RangePicker } from "../../components/range-picker.tsx";
import { rangeFromParams, rangeToParams } from "../../lib/report-range.ts";
import { useShopCurrency } from "../../lib/settings.ts";
import { Kpis } from "./kpis.tsx";
import { SalesChart } from "./sales-chart.tsx";
import { Coupons, TopLists } from "./top-lists.tsx";

function DashboardSkeleton() {
  return (
    <div className="space-y-4" aria-hidden="true">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-80" />
    </div>
  );
}

/** The admin home: how the shop is selling in a range, against the period before it. */
export function DashboardPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const range = rangeFromParams(params);
  const currency = useShopCurrency();
  const dashboard = useQuery(trpc.admin.reports.dashboard.queryOptions(range, { placeholderData: keepPreviousData }));
  const data = dashboard.data;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title" className="mb-4 text-2xl font-bold">
        Dashboard
      </h1>
      <RangePicker key={params.toString()} value={range} onChange={(next) => setParams(rangeToParams(next))} />
      <p role="status" className="sr-only">
        {dashboard.isFetching ? "Loading figures" : dashboard.isSuccess ? "Figures loaded" : ""}
      </p>
      <div aria-busy={dashboard.isFetching}>
        {dashboard.isError ? (
          <ErrorState
            message={`Could not load the dashboard: ${plainErrorMessage(dashboard.error)}`}
            onRetry={() => void dashboard.refetch()}
          />
        ) : !data || !currency ? (
          <DashboardSkeleton />
        ) : (
          <div className="space-y-6">
            <p className="text-sm text-muted">
              {data.range.from} to {data.range.to} ({data.range.timeZone}), compared with {data.range.previousFrom} to{" "}
              {data.range.previousTo}.
            </p>
            <Kpis dashboard={data} currency={currency} />
            {data.current.orders === 0 && data.current.refunds === 0 ? (
              <EmptyState title="No sales in this range">
                Choose a longer range, or check back when orders come in.
              </EmptyState>
            ) : (
              <SalesChart series={data.series} currency={currency} granularity={data.range.granularity} />
            )}
            <TopLists dashboard={data} currency={currency} />
            <div className="grid gap-4 lg:grid-cols-3">
              <div className="min-w-0 lg:col-span-2">
                <Coupons dashboard={data} currency={currency} />
              </div>
              <section className="rounded-lg border border-line bg-surface p-4" aria-label="Low stock">
                <h2 className="font-semibold">Low stock</h2>
                <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="low-stock-count">
                  {data.lowStock.count}
                </p>
                <p className="text-sm text-muted">
                  variants at or below their threshold (default {data.lowStock.threshold})
                </p>
              </section>
            </div>
            <p>
              <Link
                to={`/reports/sales?${rangeToParams(range).toString()}`}
                className="text-sm text-brand-700 underline"
              >
                All reports
              </Link>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
