import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { NewApiKeyForm } from "./new-key.tsx";

type Key = RouterOutputs["admin"]["apiKeys"]["list"][number];

function status(key: Key): string {
  if (key.revokedAt) return `Revoked ${formatDateTime(key.revokedAt)}`;
  if (key.expiresAt && key.expiresAt <= new Date()) return "Expired";
  return key.expiresAt ? `Expires ${formatDateTime(key.expiresAt)}` : "Does not expire";
}

/** Admins only: keys for the REST API (docs/integrations.md), each limited to its scopes. */
export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.admin.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() });
  const revoke = useMutation(trpc.admin.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  return (
    <section aria-labelledby="api-keys-title" className="space-y-6">
      <h1 id="api-keys-title" className="text-2xl font-bold">
        API keys
      </h1>
      <p className="max-w-2xl text-sm text-muted">
        Integrations call the REST API at{" "}
        <a href="/api/v1/docs" className="underline">
          /api/v1
        </a>{" "}
        with a key. A key acts as you, limited to its scopes; it stops working when revoked, when it expires, or if you
        stop being staff. Every call is audited.
      </p>
      <NewApiKeyForm onCreated={refresh} />
      {keys.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : keys.isError ? (
        <ErrorState message={keys.error.message} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">API keys, newest first</caption>
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Name and prefix
                </th>
                <th scope="col" className="p-3">
                  Scopes
                </th>
                <th scope="col" className="p-3">
                  Created
                </th>
                <th scope="col" className="p-3">
                  Last used
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className="border-t border-line align-top" data-testid="api-key-row">
                  <td className="p-3">
                    {key.name}
                    <code className="block text-xs text-muted">{key.prefix}_…</code>
                  </td>
                  <td className="p-3">{key.scopes.join(", ")}</td>
                  <td className="p-3">
                    {formatDateTime(key.createdAt)}
                    <span className="block text-xs text-muted">{key.createdBy.email}</span>
                  </td>
                  <td className="p-3">{formatDateTime(key.lastUsedAt)}</td>
                  <td className="p-3">{status(key)}</td>
                  <td className="p-3">
                    {!key.revokedAt && (
                      <ConfirmButton
                        title={`Revoke “${key.name}”?`}
                        description="Calls with this key fail from now on. This cannot be undone."
                        confirmLabel="Revoke key"
                        onConfirm={() => revoke.mutate({ id: key.id })}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
