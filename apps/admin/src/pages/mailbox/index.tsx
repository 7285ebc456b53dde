import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

const when = (value: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(value);

function Message({ id }: { id: number }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.admin.mailbox.get.queryOptions({ id }));
  if (message.isPending) return <Skeleton className="h-64 w-full" />;
  if (message.isError) return <ErrorState message={message.error.message} onRetry={() => void message.refetch()} />;
  return (
    <article aria-label="Message" className="rounded-lg border border-line p-4">
      <h2 className="text-lg font-semibold">{message.data.subject}</h2>
      <p className="mb-4 text-sm text-muted">
        To {message.data.to} · {when(message.data.createdAt)}
      </p>
      {/* Rendered as text, never HTML. Links are plain text to copy. */}
      <pre className="whitespace-pre-wrap break-words font-sans text-sm">{message.data.text}</pre>
    </article>
  );
}

/** The dev mailbox: the email outbox, readable when no SMTP server delivers it. */
export function MailboxPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const selected = Number(params.get("id")) || null;
  const status = useQuery(trpc.admin.mailbox.status.queryOptions());
  const messages = useInfiniteQuery(
    trpc.admin.mailbox.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (page) => page.nextCursor, enabled: status.data?.enabled === true },
    ),
  );
  if (status.data && !status.data.enabled) {
    return (
      <EmptyState title="The dev mailbox is off">Email is delivered over SMTP, so it is not shown here.</EmptyState>
    );
  }
  if (messages.isError)
    return <ErrorState message="Could not load the mailbox." onRetry={() => void messages.refetch()} />;
  const rows = messages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title" className="mb-1 text-2xl font-bold">
        Dev mailbox
      </h1>
      <p className="mb-4 text-sm text-muted">
        Emails the shop would send. No SMTP server is configured, so they stay here.
        {status.data?.showsSecrets === false &&
          " Links that would let the reader into someone's account (password resets, sign-ups, orders) are hidden."}
      </p>
      {messages.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title="No email yet" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_1fr]">
          <ul className="divide-y divide-line rounded-lg border border-line">
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  onClick={() => setParams({ id: String(row.id) })}
                  aria-current={row.id === selected ? "true" : undefined}
                  className={`block w-full p-3 text-left text-sm hover:bg-subtle ${row.id === selected ? "bg-brand-50" : ""}`}
                >
                  <span className="block font-medium">{row.subject}</span>
                  <span className="block text-muted">
                    {row.to} · {when(row.createdAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected ? <Message id={selected} /> : <p className="text-sm text-muted">Choose a message.</p>}
        </div>
      )}
      {messages.hasNextPage && (
        <Button variant="secondary" className="mt-4" onClick={() => void messages.fetchNextPage()}>
          Load more
        </Button>
      )}
    </section>
  );
}
