/** A new signing secret, shown once: the shop never displays it again. */
export function SecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">Signing secret: copy it now, it is not shown again.</p>
      <p className="mt-2 break-all rounded bg-surface p-2 font-mono text-sm" data-testid="webhook-secret">
        {secret}
      </p>
      <p className="mt-2 text-sm">
        Your receiver checks each request's <code>Shop-Signature</code> header with it (see docs/integrations.md).
      </p>
      <button type="button" className="mt-2 text-sm underline" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
