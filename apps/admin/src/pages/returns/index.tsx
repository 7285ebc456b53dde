import type { RouterOutputs } from "@shop/api";
import { returnLabels, useTRPC } from "@shop/client";
import { Badge, DataTable, EmptyState, FilterSelect, InfiniteList, listParams, ListPage, type Column } from "@shop/ui";
import { returnStatusFilters } from "@shop/validators";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { formatDateTime } from "../../lib/format.ts";
import { ReturnWindow } from "./window-form.tsx";

type Row = RouterOutputs["admin"]["returns"]["list"]["items"][number];

const columns: Column<Row>[] = [
  {
    key: "order",
    header: "Order",
    rowHeader: true,
    cell: (ret) => (
      <>
        <Link to={`/orders/${ret.order.id}`} className="font-medium text-brand-700 underline">
          #{ret.order.number}
        </Link>
        <span className="block break-all text-muted">{ret.order.email}</span>
      </>
    ),
  },
  { key: "requested", header: "Requested", cell: (ret) => formatDateTime(ret.requestedAt) },
  {
    key: "status",
    header: "Status",
    cell: (ret) => (
      <Badge tone={ret.status === "REJECTED" ? "danger" : ret.status === "REFUNDED" ? "success" : "warning"}>
        {returnLabels[ret.status]}
      </Badge>
    ),
  },
  { key: "reason", header: "Reason", cell: (ret) => ret.reason },
];

const statusOptions = [
  { value: "OPEN", label: "To process" },
  ...Object.entries(returnLabels).map(([value, label]) => ({ value, label })),
];

/** The return window and the returns, filtered by status in the URL, each linking to its order. */
export function ReturnsPage() {
  const trpc = useTRPC();
  const list = listParams(useSearchParams());
  const status = list.oneOf("status", returnStatusFilters);
  const returns = useInfiniteQuery(
    trpc.admin.returns.list.infiniteQueryOptions(
      { status, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <ListPage title="Returns" className="space-y-4">
      <ReturnWindow />
      <FilterSelect label="Status" value={status} onChange={(status) => list.set({ status })} options={statusOptions} />
      <InfiniteList
        query={returns}
        noun="returns"
        empty={
          <EmptyState title={status ? "No returns with this status" : "No returns yet"}>
            Returns shoppers ask for appear here.
          </EmptyState>
        }
      >
        {(rows) => <DataTable label="Returns" rows={rows} columns={columns} rowTestId="return-row" />}
      </InfiniteList>
    </ListPage>
  );
}
