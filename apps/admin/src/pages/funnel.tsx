import { useTRPC } from "@shop/client";
import type { RouterOutputs } from "@shop/api";
import { Button, DataTable, EmptyState, ErrorState, Skeleton, TextField, type Column } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useSearchParams } from "react-router";
import { localDay } from "../lib/dates.ts";

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

type Step = RouterOutputs["admin"]["funnel"]["get"]["steps"][number] & { id: string; index: number };
const stepColumns: Column<Step>[] = [
  { key: "step", header: "Step", rowHeader: true, cell: (step) => step.label },
  { key: "visitors", header: "Visitors", align: "right", cell: (step) => count.format(step.visitors) },
  {
    key: "previous",
    header: "From previous",
    align: "right",
    cell: (step) => (step.index === 0 ? "—" : percent.format(step.rateFromPrevious)),
  },
  { key: "start", header: "Of all visitors", align: "right", cell: (step) => percent.format(step.rateFromStart) },
  {
    key: "share",
    header: <span className="sr-only">Share</span>,
    className: "w-1/3 pl-4",
    cell: (step) => (
      <div
        aria-hidden="true"
        className="h-3 rounded bg-brand-600"
        style={{ width: `${Math.max(step.rateFromStart * 100, 0.5)}%` }}
      />
    ),
  },
];

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** The range in the URL (`?from=2026-11-01&to=2026-11-30`, both days included); the last 30 days by default. */
function rangeFrom(params: URLSearchParams) {
  const today = new Date();
  const defaultFrom = isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29));
  const fromText = params.get("from") ?? defaultFrom;
  const toText = params.get("to") ?? isoDay(today);
  return { fromText, toText, from: localDay(fromText), to: localDay(toText, 1) };
}

export function FunnelPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { fromText, toText, from, to } = rangeFrom(params);
  const valid = from !== undefined && to !== undefined && from < to;
  const funnel = useQuery(
    trpc.admin.funnel.get.queryOptions({ from: from ?? new Date(0), to: to ?? new Date(0) }, { enabled: valid }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ["from", "to"]) {
      const value = data.get(key);
      if (typeof value === "string" && value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <section aria-labelledby="funnel-title" className="space-y-6">
      <div>
        <h1 id="funnel-title" className="text-2xl font-bold">
          Conversion funnel
        </h1>
        <p className="text-sm text-muted">
          Unique visitors who reached each step and every step before it. Visitors are anonymous and counted per day;
          browsers asking not to be tracked are not counted.
        </p>
      </div>
      <form
        key={`${fromText}:${toText}`}
        aria-label="Date range"
        onSubmit={submit}
        className="flex flex-wrap items-end gap-3"
      >
        <TextField label="From" name="from" type="date" defaultValue={fromText} />
        <TextField label="To" name="to" type="date" defaultValue={toText} />
        <Button type="submit">Show</Button>
      </form>
      {!valid ? (
        <ErrorState message="Choose a start day on or before the end day." />
      ) : funnel.isError ? (
        <ErrorState message="We could not load the funnel." onRetry={() => void funnel.refetch()} />
      ) : !funnel.data ? (
        <Skeleton className="h-64 w-full" />
      ) : funnel.data.steps[0]?.visitors === 0 ? (
        <EmptyState title="No visits in this range" />
      ) : (
        <div className="max-w-3xl">
          <DataTable
            compact
            label="Funnel steps"
            testId="funnel"
            rows={funnel.data.steps.map((step, index) => ({ ...step, id: step.key, index }))}
            columns={stepColumns}
            rowData={(step) => ({ "data-step": step.key })}
          />
        </div>
      )}
    </section>
  );
}
