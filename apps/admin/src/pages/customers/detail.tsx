import { AddressLines, orderHeadline, paymentLabels, plainErrorMessage, useTRPC } from "@shop/client";
import { Button, ErrorState, FormMessage, formatMoney, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useStaff } from "../../lib/me.ts";
import { ForcePasswordReset } from "./force-reset.tsx";
import { RoleSchema } from "@shop/validators";

const date = (value: Date | null) =>
  value ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(value) : "—";
const roles = RoleSchema.options;

export function CustomerPage() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const customer = useQuery(trpc.admin.customers.get.queryOptions({ id }, { enabled: Number.isInteger(id) && id > 0 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.customers.pathKey() });
  const setDisabled = useMutation(trpc.admin.customers.setDisabled.mutationOptions({ onSuccess: refresh }));
  const setRole = useMutation(trpc.admin.customers.setRole.mutationOptions({ onSuccess: refresh }));

  if (customer.isPending) return <Skeleton className="h-96 w-full" />;
  if (customer.isError)
    return <ErrorState message={plainErrorMessage(customer.error)} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  const actionError =
    (setDisabled.error ? plainErrorMessage(setDisabled.error) : undefined) ??
    (setRole.error ? plainErrorMessage(setRole.error) : undefined);

  return (
    <div className="space-y-6">
      <p>
        <Link to="/customers" className="text-sm text-brand-700 underline">
          ← Customers
        </Link>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{c.name}</h1>
          <p className="text-muted">
            {c.email} · {c.role.toLowerCase()} · joined {date(c.createdAt)} · last sign-in {date(c.lastSignInAt)}
          </p>
          <p className="mt-1 font-medium">
            {c.disabledAt ? <span className="text-red-700">Disabled since {date(c.disabledAt)}</span> : "Active"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          {c.id !== staff.id && (
            <Button
              variant={c.disabledAt ? "secondary" : "danger"}
              disabled={setDisabled.isPending}
              onClick={() => {
                if (c.disabledAt || window.confirm(`Disable ${c.name}? They are signed out everywhere at once.`)) {
                  setDisabled.mutate({ userId: c.id, disabled: !c.disabledAt });
                }
              }}
            >
              {c.disabledAt ? "Enable account" : "Disable account"}
            </Button>
          )}
          {staff.role === "ADMIN" && c.id !== staff.id && <ForcePasswordReset user={c} />}
          {staff.role === "ADMIN" && c.id !== staff.id && (
            <label className="text-sm">
              <span className="block font-medium">Role</span>
              <select
                value={c.role}
                onChange={(event) => {
                  const role = roles.find((r) => r === event.target.value);
                  if (role) setRole.mutate({ userId: c.id, role });
                }}
                className="mt-1 min-h-10 rounded-md border border-line px-3"
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {role.toLowerCase()}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </header>
      <FormMessage error={actionError} />

      <section aria-labelledby="addresses-title">
        <h2 id="addresses-title" className="mb-2 text-lg font-semibold">
          Addresses
        </h2>
        {c.addresses.length === 0 ? (
          <p className="text-sm text-muted">None saved.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {c.addresses.map((a) => (
              <li key={a.id} className="rounded-md border border-line p-3 text-sm">
                <AddressLines address={a} />
                {a.id === c.defaultShippingAddressId && (
                  <span className="ml-2 text-xs text-brand-700">default shipping</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="orders-title">
        <h2 id="orders-title" className="mb-2 text-lg font-semibold">
          Orders ({c.orderCount})
        </h2>
        {c.orders.length === 0 ? (
          <p className="text-sm text-muted">No orders yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-md border border-line text-sm">
            {c.orders.map((o) => (
              <li key={o.id} className="flex justify-between p-3">
                <span>
                  <Link to={`/orders/${o.id}`} className="font-medium text-brand-700 underline">
                    #{o.number}
                  </Link>{" "}
                  · {date(o.placedAt)} · {orderHeadline(o).toLowerCase()},{" "}
                  {paymentLabels[o.paymentStatus].toLowerCase()}
                </span>
                <span className="tabular-nums">{formatMoney(o.total, o.currency)}</span>
              </li>
            ))}
          </ul>
        )}
        {c.orderCount > 0 && (
          <p className="mt-2 text-sm">
            <Link to={`/orders?customerId=${c.id}`} className="text-brand-700 underline">
              See all orders of {c.name}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="mb-2 text-lg font-semibold">
          Reviews
        </h2>
        {c.reviews.length === 0 ? (
          <p className="text-sm text-muted">No reviews.</p>
        ) : (
          <ul className="divide-y divide-line rounded-md border border-line text-sm">
            {c.reviews.map((r) => (
              <li key={r.id} className="p-3">
                <span aria-label={`${r.rating} out of 5 stars`}>
                  {"★".repeat(r.rating)}
                  {"☆".repeat(5 - r.rating)}
                </span>{" "}
                {r.title} — {r.product.name} ({r.status.toLowerCase()})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
