import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { API_SCOPES, ApiKeyCreateSchema, type ApiScope } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

type Created = RouterOutputs["admin"]["apiKeys"]["create"];

/** Creates a key and shows it once: only a hash of its secret is kept. */
export function NewApiKeyForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const fields = useFieldErrors();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation(
    trpc.admin.apiKeys.create.mutationOptions({
      onSuccess: (key) => {
        setCreated(key);
        setName("");
        setScopes([]);
        onCreated();
      },
      onError: fields.fromServer,
    }),
  );
  const toggle = (scope: ApiScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((one) => one !== scope)));

  return (
    <div className="max-w-2xl space-y-4 rounded-lg border border-line p-4">
      <h2 className="text-lg font-semibold">New key</h2>
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = fields.validate(ApiKeyCreateSchema, {
            name,
            scopes,
            expiresInDays: days === "" ? null : Number(days),
          });
          if (input) create.mutate(input);
        }}
      >
        <TextField
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fields.errors.name}
        />
        <fieldset>
          <legend className="text-sm font-medium">Scopes</legend>
          <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                />
                <code>{scope}</code>
              </label>
            ))}
          </div>
          {fields.errors.scopes && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {fields.errors.scopes}
            </p>
          )}
        </fieldset>
        <TextField
          label="Expires after (days)"
          hint="Leave empty for a key that does not expire (it can still be revoked)."
          inputMode="numeric"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={fields.errors.expiresInDays}
        />
        <FormMessage error={fields.errors.form} />
        <Button type="submit" disabled={create.isPending}>
          Create key
        </Button>
      </form>
      {created && (
        <div role="status" className="space-y-2 rounded-md bg-subtle p-3 text-sm">
          <p>
            <strong>Copy this key now:</strong> it is shown only once.
          </p>
          <code className="block break-all rounded bg-surface p-2" data-testid="new-api-key">
            {created.key}
          </code>
          <Button variant="ghost" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
