import { useTRPC } from "@shop/client";
import { EmptyState, FilterSelect, InfiniteList, listParams, ListPage, QueryState } from "@shop/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { OutboxStatusSchema } from "@shop/validators";

const when = (value: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(value);

function Message({ id }: { id: number }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.admin.mailbox.get.queryOptions({ id }));
  return (
    <QueryState query={message} errorMessage="Could not load the message">
      {(data) => (
        <article aria-label="Message" className="rounded-lg border border-line p-4">
          <h2 className="text-lg font-semibold">{data.subject}</h2>
          <p className="mb-4 text-sm text-muted">
            To {data.to} · {when(data.createdAt)}
          </p>
          {/* Rendered as text, never HTML. Links are plain text to copy. */}
          <pre className="whitespace-pre-wrap break-words font-sans text-sm">{data.text}</pre>
        </article>
      )}
    </QueryState>
  );
}

const outboxStatuses = OutboxStatusSchema.options;

/** The dev mailbox: the email outbox, readable when no SMTP server delivers it. */
export function MailboxPage() {
  const trpc = useTRPC();
  const list = listParams(useSearchParams());
  const selected = list.id("id") ?? null;
  const outboxStatus = list.oneOf("status", outboxStatuses);
  const status = useQuery(trpc.admin.mailbox.status.queryOptions());
  const messages = useInfiniteQuery(
    trpc.admin.mailbox.list.infiniteQueryOptions(
      { status: outboxStatus, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor, enabled: status.data?.enabled === true },
    ),
  );
  if (status.data && !status.data.enabled) {
    return (
      <EmptyState title="The dev mailbox is off">Email is delivered over SMTP, so it is not shown here.</EmptyState>
    );
  }
  return (
    <ListPage title="Dev mailbox">
      <p className="mb-4 text-sm text-muted">
        Emails the shop would send. No SMTP server is configured, so they stay here.
        {status.data?.showsSecrets === false &&
          " Links that would let the reader into someone's account (password resets, sign-ups, orders) are hidden."}
      </p>
      <div className="mb-4">
        <FilterSelect
          label="Status"
          value={outboxStatus}
          onChange={(status) => list.set({ status, id: undefined })}
          options={outboxStatuses.map((value) => ({ value, label: value.toLowerCase() }))}
        />
      </div>
      <InfiniteList
        query={messages}
        noun="messages"
        empty={<EmptyState title={outboxStatus ? "No email with this status" : "No email yet"} />}
      >
        {(rows) => (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_1fr]">
            <ul className="divide-y divide-line rounded-lg border border-line">
              {rows.map((row) => (
                <li key={row.id}>
                  <button
                    type="button"
                    onClick={() => list.set({ id: row.id })}
                    aria-current={row.id === selected ? "true" : undefined}
                    className={`block w-full p-3 text-left text-sm hover:bg-subtle ${row.id === selected ? "bg-brand-50" : ""}`}
                  >
                    <span className="block font-medium">{row.subject}</span>
                    <span className="block text-muted">
                      {row.to} · {when(row.createdAt)}
                      {row.status !== "SENT" && ` · ${row.status.toLowerCase()}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {selected ? <Message id={selected} /> : <p className="text-sm text-muted">Choose a message.</p>}
          </div>
        )}
      </InfiniteList>
    </ListPage>
  );
}
