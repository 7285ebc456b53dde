import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton, TableScroll } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

type Input = RouterInputs["admin"]["customers"]["list"];
const roles = ["CUSTOMER", "STAFF", "ADMIN"] as const;
const statuses = ["active", "disabled"] as const;
const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((option) => option === value);
const date = (value: Date | null) =>
  value ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(value) : "—";

export function CustomersPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const input: Input = {
    search: params.get("q") || undefined,
    role: pick(roles, params.get("role")),
    status: pick(statuses, params.get("status")),
    limit: 50,
  };
  const [draft, setDraft] = useState(input.search ?? "");
  const customers = useInfiniteQuery(
    trpc.admin.customers.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = customers.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title" className="mb-4 text-2xl font-bold">
        Customers
      </h1>
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update("q", draft.trim());
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">Name or email</span>
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Role</span>
          <select
            value={input.role ?? ""}
            onChange={(event) => update("role", event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="">Any</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {role.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select
            value={input.status ?? ""}
            onChange={(event) => update("status", event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="">Any</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {customers.isError ? (
        <ErrorState message="Could not load customers." onRetry={() => void customers.refetch()} />
      ) : customers.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title="No customers match" />
      ) : (
        <TableScroll label="Customers" className="rounded-lg border border-line">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Name
                </th>
                <th scope="col" className="p-3">
                  Email
                </th>
                <th scope="col" className="p-3">
                  Role
                </th>
                <th scope="col" className="p-3 text-right">
                  Orders
                </th>
                <th scope="col" className="p-3">
                  Joined
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((customer) => (
                <tr key={customer.id} className="border-t border-line" data-testid="customer-row">
                  <td className="p-3">
                    <Link to={`/customers/${customer.id}`} className="font-medium text-brand-700 underline">
                      {customer.name}
                    </Link>
                  </td>
                  <td className="p-3">{customer.email}</td>
                  <td className="p-3">{customer.role.toLowerCase()}</td>
                  <td className="p-3 text-right tabular-nums">{customer.orderCount}</td>
                  <td className="p-3">{date(customer.createdAt)}</td>
                  <td className="p-3">
                    {customer.disabledAt ? <span className="font-medium text-red-700">Disabled</span> : "Active"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {customers.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void customers.fetchNextPage()}
            disabled={customers.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      )}
    </section>
  );
}
