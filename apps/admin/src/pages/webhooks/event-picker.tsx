import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@shop/webhooks/events";

/** The event types an endpoint receives, as checkboxes grouped by resource. */
export function EventPicker({
  value,
  onChange,
  error,
}: {
  value: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
  error?: string;
}) {
  const all = value.length === WEBHOOK_EVENT_TYPES.length;
  return (
    <fieldset aria-describedby={error ? "events-error" : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={all} onChange={() => onChange(all ? [] : [...WEBHOOK_EVENT_TYPES])} />
        All events
      </label>
      <div className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 font-mono text-sm">
            <input
              type="checkbox"
              checked={value.includes(type)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, type] : value.filter((chosen) => chosen !== type))
              }
            />
            {type}
          </label>
        ))}
      </div>
      {error && (
        <p id="events-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
