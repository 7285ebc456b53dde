import { returnLabels, useTRPC } from "@shop/client";
import { Badge, Button, EmptyState, ErrorState, FormMessage, Skeleton, TableScroll, TextField } from "@shop/ui";
import { ReturnWindowSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../lib/format.ts";
import { useStaff } from "../lib/me.ts";

/** The return window (admins set it) and the latest returns, each linking to its order. */
export function ReturnsPage() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const returns = useQuery(trpc.admin.returns.list.queryOptions({}));
  const returnWindow = useQuery(trpc.admin.returns.window.queryOptions());
  const [error, setError] = useState<string>();
  const setWindow = useMutation(
    trpc.admin.returns.setWindow.mutationOptions({
      onSuccess: () => {
        setError(undefined);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.returns.window.queryKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ReturnWindowSchema.safeParse(Number(new FormData(event.currentTarget).get("days")));
    if (!parsed.success) setError(parsed.error.issues[0]?.message ?? "Enter a number of days");
    else setWindow.mutate({ days: parsed.data });
  }

  return (
    <section aria-labelledby="returns-title" className="space-y-4">
      <h1 id="returns-title" className="text-2xl font-bold">
        Returns
      </h1>
      {returnWindow.data &&
        (staff.role === "ADMIN" ? (
          <form
            onSubmit={submit}
            noValidate
            className="flex flex-wrap items-end gap-2 rounded-lg border border-line p-3"
          >
            <TextField
              label="Days after delivery to ask for a return (0 turns returns off)"
              name="days"
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              defaultValue={String(returnWindow.data.days)}
              key={returnWindow.data.days}
              error={error}
              className="w-full sm:w-96"
            />
            <Button type="submit" variant="secondary" disabled={setWindow.isPending}>
              Save
            </Button>
            <FormMessage success={setWindow.isSuccess ? "Return window saved." : undefined} />
          </form>
        ) : (
          <p className="text-sm">
            Shoppers may ask for a return up to <strong>{returnWindow.data.days} days</strong> after delivery.
          </p>
        ))}
      {returns.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : returns.isError ? (
        <ErrorState message={returns.error.message} onRetry={() => void returns.refetch()} />
      ) : returns.data.length === 0 ? (
        <EmptyState title="No returns yet">Returns shoppers ask for appear here.</EmptyState>
      ) : (
        <TableScroll label="Returns" className="rounded-lg border border-line">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Order
                </th>
                <th scope="col" className="p-3">
                  Requested
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {returns.data.map((ret) => (
                <tr key={ret.id} className="border-t border-line" data-testid="return-row">
                  <th scope="row" className="p-3 font-normal">
                    <Link to={`/orders/${ret.order.id}`} className="font-medium text-brand-700 underline">
                      #{ret.order.number}
                    </Link>
                    <span className="block text-muted">{ret.order.email}</span>
                  </th>
                  <td className="p-3">{formatDateTime(ret.requestedAt)}</td>
                  <td className="p-3">
                    <Badge
                      tone={ret.status === "REJECTED" ? "danger" : ret.status === "REFUNDED" ? "success" : "warning"}
                    >
                      {returnLabels[ret.status]}
                    </Badge>
                  </td>
                  <td className="p-3">{ret.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
