import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, FormMessage, Skeleton, TableScroll, TextField } from "@shop/ui";
import { WebhookEndpointCreateSchema } from "@shop/validators";
import type { WebhookEventType } from "@shop/webhooks/events";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { EventPicker } from "./event-picker.tsx";
import { SecretNotice } from "./secret-notice.tsx";

/** Webhook endpoints: where the shop sends signed events, and a form to add one. */
export function WebhooksPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.admin.webhooks.list.queryOptions());
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFieldErrors();
  const create = useMutation(
    trpc.admin.webhooks.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.pathKey() }),
    }),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = errors.validate(WebhookEndpointCreateSchema, { url, description, events });
    if (!input) return;
    try {
      const created = await create.mutateAsync(input);
      setSecret(created.secret);
      setUrl("");
      setDescription("");
      setEvents([]);
    } catch (error) {
      errors.fromServer(error);
    }
  }

  return (
    <section aria-labelledby="webhooks-title" className="space-y-6">
      <div>
        <h1 id="webhooks-title" className="text-2xl font-bold">
          Webhooks
        </h1>
        <p className="text-sm text-muted">
          The shop POSTs signed JSON events to these URLs, in order per order or product, retrying for 24 hours.
        </p>
      </div>
      {secret && <SecretNotice secret={secret} onDone={() => setSecret(null)} />}
      {endpoints.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : endpoints.isError ? (
        <ErrorState message="Could not load the endpoints." onRetry={() => void endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <EmptyState title="No endpoints yet">Add one below to start receiving events.</EmptyState>
      ) : (
        <TableScroll label="Webhook endpoints">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th className="p-2">URL</th>
                <th className="p-2">Events</th>
                <th className="p-2">State</th>
                <th className="p-2">Waiting</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.data.map((endpoint) => (
                <tr key={endpoint.id} className="border-b border-line">
                  <td className="p-2">
                    <Link to={`/webhooks/${endpoint.id}`} className="break-all text-brand-700 underline">
                      {endpoint.url}
                    </Link>
                    {endpoint.description && <span className="block text-muted">{endpoint.description}</span>}
                  </td>
                  <td className="p-2">{endpoint.events.length}</td>
                  <td className="p-2">
                    {endpoint.enabled ? (endpoint.failingSince ? "Failing" : "Enabled") : "Disabled"}
                  </td>
                  <td className="p-2">{endpoint.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form
        onSubmit={(event) => void submit(event)}
        className="max-w-3xl space-y-4 rounded-lg border border-line p-4"
        noValidate
      >
        <h2 className="text-lg font-semibold">Add an endpoint</h2>
        <TextField
          label="URL"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={errors.errors.url}
          hint="HTTPS recommended. Private and local addresses are refused unless the operator allows them."
        />
        <TextField
          label="Description (optional)"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.errors.description}
        />
        <EventPicker value={events} onChange={setEvents} error={errors.errors.events} />
        <FormMessage error={errors.errors.form} />
        <Button type="submit" disabled={create.isPending}>
          Add endpoint
        </Button>
      </form>
    </section>
  );
}
