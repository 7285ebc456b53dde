import type { RouterOutputs } from "@shop/api";
import { AddressLines, useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AddressForm } from "../../components/address-form.tsx";

type Address = RouterOutputs["account"]["addresses"]["list"][number];

function AddressCard({ address, onEdit }: { address: Address; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.addresses.list.queryKey() });
  const remove = useMutation(trpc.account.addresses.delete.mutationOptions({ onSuccess: refresh }));
  const setDefault = useMutation(trpc.account.addresses.setDefault.mutationOptions({ onSuccess: refresh }));
  return (
    <li className="rounded-lg border border-line p-4" data-testid="address">
      <address className="text-sm not-italic">
        <AddressLines address={address} />
      </address>
      <p className="mt-2 flex flex-wrap gap-2 text-xs">
        {address.isDefaultShipping && (
          <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700">Default shipping</span>
        )}
        {address.isDefaultBilling && (
          <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700">Default billing</span>
        )}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onEdit}>
          Edit
        </Button>
        {!address.isDefaultShipping && (
          <Button variant="ghost" onClick={() => setDefault.mutate({ id: address.id, kind: "shipping" })}>
            Use for shipping
          </Button>
        )}
        {!address.isDefaultBilling && (
          <Button variant="ghost" onClick={() => setDefault.mutate({ id: address.id, kind: "billing" })}>
            Use for billing
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => {
            if (window.confirm("Delete this address?")) remove.mutate({ id: address.id });
          }}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}

export function AddressesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addresses = useQuery(trpc.account.addresses.list.queryOptions());
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const done = async () => {
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: trpc.account.addresses.list.queryKey() });
  };
  const create = useMutation(trpc.account.addresses.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.account.addresses.update.mutationOptions({ onSuccess: done }));

  if (addresses.isPending) return <Skeleton className="h-48 w-full" />;
  if (addresses.isError)
    return <ErrorState message="Could not load your addresses." onRetry={() => void addresses.refetch()} />;
  const current = addresses.data.find((address) => address.id === editing);

  return (
    <div className="space-y-6">
      {editing === "new" ? (
        <section aria-label="New address" className="rounded-lg border border-line p-6">
          <h2 className="mb-4 font-semibold">New address</h2>
          <AddressForm
            submitLabel="Save address"
            pending={create.isPending}
            serverError={create.error}
            onSubmit={(address) => create.mutate(address)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : current ? (
        <section aria-label="Edit address" className="rounded-lg border border-line p-6">
          <h2 className="mb-4 font-semibold">Edit address</h2>
          <AddressForm
            initial={current}
            submitLabel="Save changes"
            pending={update.isPending}
            serverError={update.error}
            onSubmit={(address) => update.mutate({ id: current.id, address })}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <Button onClick={() => setEditing("new")}>Add an address</Button>
      )}
      {addresses.data.length === 0 ? (
        <EmptyState title="No saved addresses">Add one to check out faster.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {addresses.data.map((address) => (
            <AddressCard key={address.id} address={address} onEdit={() => setEditing(address.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}
