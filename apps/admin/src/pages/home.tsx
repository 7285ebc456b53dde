import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { formatCount, ListPage, QueryState, Skeleton } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

type Counts = RouterOutputs["admin"]["todo"]["get"];

// Each count opens the list it counts, filtered the same way (the API counts with those filters).
const tasks: { key: keyof Counts; label: string; to: string; done: string }[] = [
  {
    key: "toFulfil",
    label: "Orders to fulfil",
    to: "/orders?payment=PAID&fulfillment=UNFULFILLED",
    done: "Every paid order has shipped.",
  },
  {
    key: "awaitingPayment",
    label: "Orders awaiting payment",
    to: "/orders?payment=PENDING",
    done: "No order is waiting for its payment.",
  },
  { key: "lowStock", label: "Low-stock variants", to: "/inventory?low=1", done: "Nothing is low on stock." },
  {
    key: "reviewsPending",
    label: "Reviews awaiting moderation",
    to: "/reviews?status=PENDING",
    done: "No review is waiting.",
  },
  {
    key: "returnsToProcess",
    label: "Returns to process",
    to: "/returns?status=OPEN",
    done: "No return is waiting to be decided, received or refunded.",
  },
  { key: "emailsFailed", label: "Emails that failed to send", to: "/mailbox?status=FAILED", done: "No failed email." },
];

/** The admin home: what needs doing, each a count that opens the filtered list. */
export function HomePage() {
  const trpc = useTRPC();
  const todo = useQuery(trpc.admin.todo.get.queryOptions());
  return (
    <ListPage
      title="To do"
      actions={
        <Link to="/dashboard" className="text-sm font-medium text-brand-700 underline">
          Sales dashboard
        </Link>
      }
    >
      <QueryState
        query={todo}
        errorMessage="Could not load what needs doing"
        loading={<Skeleton className="h-40 w-full" />}
      >
        {(counts) => (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {tasks.map((task) => (
              <li key={task.key}>
                <Link
                  to={task.to}
                  data-todo={task.key}
                  className={`block rounded-lg border p-4 hover:bg-subtle ${counts[task.key] > 0 ? "border-brand-600" : "border-line"}`}
                >
                  <span className="block text-3xl font-bold tabular-nums" data-testid="todo-count">
                    {formatCount(counts[task.key])}
                  </span>
                  <span className="block font-medium">{task.label}</span>
                  {counts[task.key] === 0 && <span className="block text-sm text-muted">{task.done}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </ListPage>
  );
}
