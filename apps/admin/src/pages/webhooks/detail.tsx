import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, ErrorState, FormMessage, Skeleton, TextField } from "@shop/ui";
import type { WebhookEventType } from "@shop/webhooks/events";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { Deliveries } from "./deliveries.tsx";
import { EventPicker } from "./event-picker.tsx";
import { SecretNotice } from "./secret-notice.tsx";

/** One endpoint: its state and settings, its secret (rotate), and its deliveries. */
export function WebhookPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const endpoint = useQuery(trpc.admin.webhooks.get.queryOptions({ id }));
  const [edits, setEdits] = useState<{ url?: string; events?: WebhookEventType[] }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | undefined>();
  const errors = useFieldErrors();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.pathKey() });
  const update = useMutation(trpc.admin.webhooks.update.mutationOptions({ onSuccess: invalidate }));
  const rotate = useMutation(trpc.admin.webhooks.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.admin.webhooks.delete.mutationOptions({ onSuccess: invalidate }));

  if (endpoint.isPending) return <Skeleton className="h-64 w-full" />;
  if (endpoint.isError) return <ErrorState message={endpoint.error.message} onRetry={() => void endpoint.refetch()} />;
  const current = endpoint.data;
  const events = edits.events ?? current.events;

  async function save(change: { url?: string; events?: WebhookEventType[]; enabled?: boolean }) {
    try {
      await update.mutateAsync({ id, ...change });
      setEdits({});
      errors.clear();
      setSaved(change.enabled === undefined ? "Saved." : change.enabled ? "Enabled." : "Disabled.");
    } catch (error) {
      errors.fromServer(error);
    }
  }

  return (
    <section aria-labelledby="webhook-title" className="space-y-6">
      <p>
        <Link to="/webhooks" className="text-sm text-brand-700 underline">
          ← Webhooks
        </Link>
      </p>
      <h1 id="webhook-title" className="break-all text-2xl font-bold">
        {current.url}
      </h1>
      {!current.enabled && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          Disabled{current.disabledReason ? `: ${current.disabledReason}` : ""}. Events are not recorded for it until it
          is enabled again; redeliver what it missed from the list below.
        </p>
      )}
      {secret && <SecretNotice secret={secret} onDone={() => setSecret(null)} />}
      <FormMessage success={saved} error={errors.errors.form} />
      <div className="max-w-3xl space-y-4 rounded-lg border border-line p-4">
        <TextField
          label="URL"
          type="url"
          value={edits.url ?? current.url}
          onChange={(event) => setEdits({ ...edits, url: event.target.value })}
          error={errors.errors.url}
        />
        <EventPicker
          value={events}
          onChange={(next) => setEdits({ ...edits, events: next })}
          error={errors.errors.events}
        />
        <div className="flex flex-wrap gap-2">
          <Button disabled={update.isPending} onClick={() => void save(edits)}>
            Save
          </Button>
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => void save({ enabled: !current.enabled })}
          >
            {current.enabled ? "Disable" : "Enable"}
          </Button>
          <ConfirmButton
            title="Rotate the signing secret?"
            description="The old secret stops working at once: update your receiver with the new one."
            confirmLabel="Rotate"
            onConfirm={() => void rotate.mutateAsync({ id }).then((result) => setSecret(result.secret))}
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            title="Delete this endpoint?"
            description="Its deliveries are deleted with it; nothing more is sent."
            confirmLabel="Delete"
            onConfirm={() => void remove.mutateAsync({ id }).then(() => navigate("/webhooks"))}
          >
            Delete
          </ConfirmButton>
        </div>
      </div>
      <h2 className="text-lg font-semibold">Deliveries</h2>
      <Deliveries endpointId={id} />
    </section>
  );
}
