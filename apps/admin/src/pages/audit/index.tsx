import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { localDay } from "../../lib/dates.ts";
import { AuditTable } from "./table.tsx";

type Input = RouterInputs["admin"]["audit"]["list"];
type Filter = "actor" | "type" | "id" | "action" | "from" | "to";

function auditInput(params: URLSearchParams): Input {
  const actorId = Number(params.get("actor"));
  return {
    actorId: Number.isInteger(actorId) && actorId > 0 ? actorId : undefined,
    entityType: params.get("type") || undefined,
    entityId: params.get("id")?.trim() || undefined,
    action: params.get("action") || undefined,
    from: localDay(params.get("from")),
    // The "to" day is included: the API's bound is exclusive.
    to: localDay(params.get("to"), 1),
    limit: 50,
  };
}

/** The audit trail for admins: filters live in the URL, pages load by keyset. */
export function AuditPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const input = auditInput(params);
  const facets = useQuery(trpc.admin.audit.facets.queryOptions());
  const audit = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const [entityId, setEntityId] = useState(params.get("id") ?? "");
  const update = (key: Filter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const select = "mt-1 min-h-10 w-full rounded-md border border-line px-3";

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title" className="mb-4 text-2xl font-bold">
        Audit trail
      </h1>
      <form
        role="search"
        aria-label="Filter the audit trail"
        className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 xl:grid-cols-6"
        onSubmit={(event) => {
          event.preventDefault();
          update("id", entityId.trim());
        }}
      >
        <label>
          <span className="block font-medium">Who</span>
          <select
            value={params.get("actor") ?? ""}
            onChange={(event) => update("actor", event.target.value)}
            className={select}
          >
            <option value="">Anyone</option>
            {facets.data?.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({actor.email})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium">Entity type</span>
          <select
            value={input.entityType ?? ""}
            onChange={(event) => update("type", event.target.value)}
            className={select}
          >
            <option value="">Any</option>
            {facets.data?.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium">Entity id</span>
          <input
            type="search"
            value={entityId}
            onChange={(event) => setEntityId(event.target.value)}
            onBlur={() => update("id", entityId.trim())}
            className={select}
          />
        </label>
        <label>
          <span className="block font-medium">Action</span>
          <select
            value={input.action ?? ""}
            onChange={(event) => update("action", event.target.value)}
            className={select}
          >
            <option value="">Any</option>
            {facets.data?.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium">From</span>
          <input
            type="date"
            value={params.get("from") ?? ""}
            onChange={(event) => update("from", event.target.value)}
            className={select}
          />
        </label>
        <label>
          <span className="block font-medium">To</span>
          <input
            type="date"
            value={params.get("to") ?? ""}
            onChange={(event) => update("to", event.target.value)}
            className={select}
          />
        </label>
      </form>
      {audit.isError ? (
        <ErrorState message={audit.error.message} onRetry={() => void audit.refetch()} />
      ) : audit.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title="No audit records match" />
      ) : (
        <AuditTable rows={rows} />
      )}
      {audit.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
            Older records
          </Button>
        </div>
      )}
    </section>
  );
}
