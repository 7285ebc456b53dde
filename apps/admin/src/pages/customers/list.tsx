import type { RouterInputs, RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import {
  DataTable,
  EmptyState,
  FilterSelect,
  InfiniteList,
  listParams,
  SearchFilters,
  type Column,
  ListPage,
} from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { RoleSchema } from "@shop/validators";
import { formatDate } from "../../lib/format.ts";

type Input = RouterInputs["admin"]["customers"]["list"];
type Row = RouterOutputs["admin"]["customers"]["list"]["items"][number];
const roles = RoleSchema.options;
const statuses = ["active", "disabled"] as const;

const columns: Column<Row>[] = [
  {
    key: "name",
    header: "Name",
    cell: (customer) => (
      <Link to={`/customers/${customer.id}`} className="font-medium text-brand-700 underline">
        {customer.name}
      </Link>
    ),
  },
  { key: "email", header: "Email", cell: (customer) => customer.email },
  { key: "role", header: "Role", cell: (customer) => customer.role.toLowerCase() },
  { key: "orders", header: "Orders", align: "right", cell: (customer) => customer.orderCount },
  { key: "joined", header: "Joined", cell: (customer) => formatDate(customer.createdAt) },
  {
    key: "status",
    header: "Status",
    cell: (customer) => (customer.disabledAt ? <span className="font-medium text-red-700">Disabled</span> : "Active"),
  },
];

export function CustomersPage() {
  const trpc = useTRPC();
  const list = listParams(useSearchParams());
  const input: Input = {
    search: list.text("q") || undefined,
    role: list.oneOf("role", roles),
    status: list.oneOf("status", statuses),
    limit: 50,
  };
  const customers = useInfiniteQuery(
    trpc.admin.customers.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );

  return (
    <ListPage title="Customers">
      <SearchFilters label="Name or email" value={input.search ?? ""} onSearch={(q) => list.set({ q })}>
        <FilterSelect
          label="Role"
          value={input.role}
          onChange={(role) => list.set({ role })}
          options={roles.map((role) => ({ value: role, label: role.toLowerCase() }))}
        />
        <FilterSelect
          label="Status"
          value={input.status}
          onChange={(status) => list.set({ status })}
          options={statuses.map((status) => ({ value: status, label: status }))}
        />
      </SearchFilters>
      <InfiniteList query={customers} noun="customers" empty={<EmptyState title="No customers match" />}>
        {(rows) => <DataTable label="Customers" rows={rows} columns={columns} rowTestId="customer-row" />}
      </InfiniteList>
    </ListPage>
  );
}
