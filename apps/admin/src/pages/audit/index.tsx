import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { EmptyState, FilterSelect, InfiniteList, listParams, ListPage } from "@shop/ui";
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
  const list = listParams(useSearchParams());
  const params = list.params;
  const input = auditInput(params);
  const facets = useQuery(trpc.admin.audit.facets.queryOptions());
  const audit = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const [entityId, setEntityId] = useState(params.get("id") ?? "");
  const update = (key: Filter, value: string) => list.set({ [key]: value });
  const select = "mt-1 min-h-10 w-full rounded-md border border-line px-3";

  return (
    <ListPage title="Audit trail">
      <form
        role="search"
        aria-label="Filter the audit trail"
        className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 xl:grid-cols-6 *:min-w-0"
        onSubmit={(event) => {
          event.preventDefault();
          update("id", entityId.trim());
        }}
      >
        <FilterSelect
          label="Who"
          value={params.get("actor") ?? ""}
          onChange={(value) => update("actor", value)}
          any="Anyone"
          options={(facets.data?.actors ?? []).map((actor) => ({
            value: actor.id,
            label: `${actor.name} (${actor.email})`,
          }))}
        />
        <FilterSelect
          label="Entity type"
          value={input.entityType}
          onChange={(value) => update("type", value)}
          any="Any"
          options={(facets.data?.entityTypes ?? []).map((type) => ({ value: type, label: type }))}
        />
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
        <FilterSelect
          label="Action"
          value={input.action}
          onChange={(value) => update("action", value)}
          any="Any"
          options={(facets.data?.actions ?? []).map((action) => ({ value: action, label: action }))}
        />
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
      <InfiniteList
        query={audit}
        noun="audit records"
        moreLabel="Older records"
        empty={<EmptyState title="No audit records match" />}
      >
        {(rows) => <AuditTable rows={rows} />}
      </InfiniteList>
    </ListPage>
  );
}
