import { plainErrorMessage, useTRPC, useTRPCClient } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { REPORT_KINDS, type ReportKind } from "@shop/validators";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { NavLink, useParams, useSearchParams } from "react-router";
import { RangePicker } from "../../components/range-picker.tsx";
import { rangeFromParams, rangeToParams } from "../../lib/report-range.ts";
import { useShopCurrency } from "../../lib/settings.ts";
import { ReportTable } from "./report-table.tsx";

const labels: Record<ReportKind, string> = {
  sales: "Sales",
  products: "Products",
  categories: "Categories",
  brands: "Brands",
  customers: "Customers",
  tax: "Tax",
  refunds: "Refunds",
  returns: "Returns",
};
const isKind = (value: string | undefined): value is ReportKind => REPORT_KINDS.some((kind) => kind === value);
const byPeriod: readonly ReportKind[] = ["sales", "tax"];

/** Every report as a sortable table with a CSV download of the same rows. */
export function ReportsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { report: reportParam } = useParams();
  const report: ReportKind = isKind(reportParam) ? reportParam : "sales";
  const [params, setParams] = useSearchParams();
  const range = rangeFromParams(params);
  const sort = params.get("sort") ?? undefined;
  const direction = params.get("dir") === "asc" ? "asc" : "desc";
  const input = { ...range, report, sort, direction } as const;
  const currency = useShopCurrency();
  const query = useQuery(trpc.admin.reports.get.queryOptions(input, { placeholderData: keepPreviousData }));
  const [download, setDownload] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const downloadCsv = async () => {
    setDownload({ busy: true });
    try {
      const file = await client.admin.reports.exportCsv.query(input);
      const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv" }));
      Object.assign(document.createElement("a"), { href: url, download: file.filename }).click();
      URL.revokeObjectURL(url);
      setDownload({ busy: false });
    } catch (error) {
      setDownload({ busy: false, error: error instanceof Error ? error.message : "The download failed" });
    }
  };

  const setSort = (key: string, dir: "asc" | "desc") => {
    const next = new URLSearchParams(params);
    next.set("sort", key);
    next.set("dir", dir);
    setParams(next);
  };
  const data = query.data;

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title" className="mb-4 text-2xl font-bold">
        Reports
      </h1>
      <nav aria-label="Reports" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {REPORT_KINDS.map((kind) => (
            <li key={kind}>
              <NavLink
                to={`/reports/${kind}?${rangeToParams(range).toString()}`}
                className={() =>
                  `block rounded-md px-3 py-1.5 text-sm ${kind === report ? "bg-brand-600 text-white" : "border border-line hover:bg-subtle"}`
                }
                aria-current={kind === report ? "page" : undefined}
              >
                {labels[kind]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <RangePicker
        key={params.toString()}
        value={range}
        showGranularity={byPeriod.includes(report)}
        onChange={(next) => setParams(rangeToParams(next, params))}
      />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void downloadCsv()} disabled={download.busy}>
          {download.busy ? "Preparing…" : "Download CSV"}
        </Button>
        {data && (
          <p className="text-sm text-muted">
            {data.title}: {data.range.from} to {data.range.to} ({data.range.timeZone})
          </p>
        )}
        {download.error && (
          <p role="alert" className="text-sm text-red-700">
            {download.error}
          </p>
        )}
      </div>
      <div aria-busy={query.isFetching}>
        {query.isError ? (
          <ErrorState
            message={`Could not load the report: ${plainErrorMessage(query.error)}`}
            onRetry={() => void query.refetch()}
          />
        ) : !data || !currency ? (
          <div className="space-y-2" aria-hidden="true">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : data.rows.length === 0 ? (
          <EmptyState title="Nothing to report in this range">Choose a longer range.</EmptyState>
        ) : (
          <>
            <ReportTable report={data} currency={currency} onSort={setSort} />
            {data.truncated && (
              <p className="mt-2 text-sm text-muted">
                Showing the first {data.rows.length} rows; the CSV has them all.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
