import { useTRPC } from "@shop/client";
import { ErrorState, FormMessage, Skeleton } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { OrderBadges } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { orderActions, type Order } from "../../lib/orders.ts";
import { OrderActions } from "./actions.tsx";
import { CustomerAndAddresses, Payments } from "./details.tsx";
import { Refunds, Timeline } from "./history.tsx";
import { OrderItems } from "./items.tsx";
import { Notes } from "./notes.tsx";
import { RefundForm } from "./refund-form.tsx";
import { Returns } from "./returns.tsx";
import { Shipments } from "./shipments.tsx";

function Dates({ order }: { order: Order }) {
  const dates: Array<[string, Date | null]> = [
    ["Placed", order.placedAt],
    ["Paid", order.paidAt],
    ["Shipped", order.shippedAt],
    ["Delivered", order.deliveredAt],
    ["Cancelled", order.cancelledAt],
    ["Archived", order.archivedAt],
  ];
  return (
    <p className="text-sm text-muted">
      {dates
        .filter(([, date]) => date)
        .map(([label, date]) => `${label} ${formatDateTime(date)}`)
        .join(" · ")}
      {order.paymentStatus === "PENDING" &&
        order.state === "OPEN" &&
        order.reservationExpiresAt &&
        ` · stock held until ${formatDateTime(order.reservationExpiresAt)}`}
    </p>
  );
}

export function OrderPage() {
  const trpc = useTRPC();
  const orderId = Number(useParams().id);
  const valid = Number.isInteger(orderId) && orderId > 0;
  const order = useQuery(trpc.admin.orders.get.queryOptions({ orderId }, { enabled: valid }));
  const [done, setDone] = useState<string>();

  if (!valid) return <ErrorState title="Order not found" message="This address does not name an order." />;
  if (order.isPending)
    return (
      <div aria-busy="true" className="space-y-4">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  if (order.isError) {
    const missing = order.error.data?.code === "NOT_FOUND";
    return (
      <ErrorState
        title={missing ? "Order not found" : "Could not load the order"}
        message={order.error.message}
        onRetry={missing ? undefined : () => void order.refetch()}
      />
    );
  }
  const o = order.data;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/orders" className="text-sm text-brand-700 underline">
          ← Orders
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
          Order #{o.number} <OrderBadges order={o} />
        </h1>
        <Dates order={o} />
        {o.cancelReason && <p className="text-sm">Cancelled: {o.cancelReason}</p>}
      </header>
      <FormMessage success={done} />
      <OrderActions order={o} onDone={setDone} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          <OrderItems order={o} />
          <Shipments order={o} onDone={setDone} />
          <Returns order={o} onDone={setDone} />
          {orderActions(o).refund && <RefundForm order={o} onDone={setDone} />}
          <Refunds order={o} />
          <Timeline order={o} />
          <Notes order={o} />
        </div>
        <aside className="space-y-4" aria-label="Customer and payment">
          <CustomerAndAddresses order={o} />
          <Payments order={o} />
        </aside>
      </div>
    </div>
  );
}
