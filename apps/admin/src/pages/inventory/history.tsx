import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { DataTable, InfiniteList, Skeleton, type Column } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDateTime } from "../../lib/format.ts";

type Move = RouterOutputs["admin"]["inventory"]["history"]["items"][number];
const signed = (value: number) => (value > 0 ? `+${value}` : value === 0 ? "0" : `−${-value}`);

const columns: Column<Move>[] = [
  { key: "when", header: "When", className: "whitespace-nowrap", cell: (move) => formatDateTime(move.createdAt) },
  { key: "reason", header: "Reason", cell: (move) => move.reason.toLowerCase() },
  {
    key: "onHand",
    header: "On hand",
    align: "right",
    cell: (move) => `${signed(move.delta)} → ${move.stockAfter}`,
  },
  {
    key: "reserved",
    header: "Reserved",
    align: "right",
    cell: (move) => `${signed(move.reservedDelta)} → ${move.reservedAfter}`,
  },
  {
    key: "by",
    header: "By",
    cell: (move) =>
      move.order ? (
        <Link to={`/orders/${move.order.id}`} className="text-brand-700 underline">
          Order #{move.order.number}
        </Link>
      ) : (
        (move.actor?.name ?? "System")
      ),
  },
  { key: "note", header: "Note", className: "break-words", cell: (move) => move.note },
];

/** Every movement of the variant, newest first, with who or which order caused it. */
export function History({ variantId }: { variantId: number }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.admin.inventory.history.infiniteQueryOptions(
      { variantId, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="mb-2 text-lg font-semibold">
        History
      </h2>
      <InfiniteList
        query={history}
        noun="movements"
        loading={<Skeleton className="h-40 w-full" />}
        empty={<p className="text-sm text-muted">No movements yet.</p>}
        moreLabel="Older movements"
      >
        {(rows) => <DataTable label="Stock movements" rows={rows} columns={columns} rowTestId="movement-row" />}
      </InfiniteList>
    </section>
  );
}
