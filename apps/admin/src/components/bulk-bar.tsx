import type { RouterInputs } from "@shop/api";
import { isClientError, useTRPC } from "@shop/client";
import { Button, FilterSelect, TextField } from "@shop/ui";
import { TagListSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { runInBatches } from "../lib/batches.ts";

type Bulk = RouterInputs["admin"]["products"]["bulk"];
type Action = DistributiveOmit<Bulk, "ids">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const BATCH = 10;
const actions = [
  ["publish", "Publish", "Published"],
  ["unpublish", "Unpublish", "Unpublished"],
  ["archive", "Archive", "Archived"],
  ["feature", "Feature", "Featured"],
  ["unfeature", "Unfeature", "Unfeatured"],
] as const;

const splitTags = (text: string) =>
  text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);

type Run = { verb: string; done: number; total: number; error?: string };

/**
 * Actions on the selected products, sent ten at a time so a long run shows its progress; each
 * product gets its own audit record. A failure stops the run and keeps the rest selected.
 */
export function BulkBar({ selected, onDone }: { selected: ReadonlySet<number>; onDone: (left: number[]) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const bulk = useMutation(trpc.admin.products.bulk.mutationOptions());
  const [run, setRun] = useState<Run | null>(null);
  const [category, setCategory] = useState("");
  const [tags, setTags] = useState("");
  const [tagsError, setTagsError] = useState<string>();
  const busy = bulk.isPending;

  async function apply(action: Action, verb: string) {
    const ids = [...selected];
    setRun({ verb, done: 0, total: ids.length });
    const result = await runInBatches(
      ids,
      BATCH,
      (batch) => bulk.mutateAsync({ ...action, ids: batch }),
      (done) => setRun({ verb, done, total: ids.length }),
    );
    await queryClient.invalidateQueries({ queryKey: trpc.admin.products.list.pathKey() });
    const message = result.failed
      ? isClientError(result.failed.error)
        ? result.failed.error.message
        : "The shop could not be reached"
      : undefined;
    setRun({ verb, done: result.done, total: ids.length, error: message });
    onDone(result.failed?.remaining ?? []);
  }

  if (selected.size === 0 && !run) return null;
  return (
    <div className="mb-3 space-y-2 rounded-md bg-subtle p-2 text-sm">
      {selected.size > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-end gap-2">
          <span className="self-center px-2 font-medium">{selected.size} selected</span>
          {actions.map(([action, label, verb]) => (
            <Button key={action} variant="secondary" disabled={busy} onClick={() => void apply({ action }, verb)}>
              {label}
            </Button>
          ))}
          <FilterSelect
            label="Move to category"
            value={category}
            any="No category"
            onChange={setCategory}
            options={(categories.data ?? []).map((row) => ({ value: row.id, label: row.name }))}
          />
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              void apply(
                { action: "setCategory", categoryId: category ? Number(category) : null },
                "Moved to the category",
              )
            }
          >
            Set category
          </Button>
          <TextField
            label="Tags to add"
            hint="Comma-separated"
            value={tags}
            onChange={(event) => {
              setTags(event.target.value);
              setTagsError(undefined);
            }}
            error={tagsError}
          />
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => {
              const parsed = TagListSchema.safeParse(splitTags(tags));
              if (!parsed.success) setTagsError(parsed.error.issues[0]?.message);
              else void apply({ action: "addTags", tags: parsed.data }, `Tagged “${parsed.data.join(", ")}”`);
            }}
          >
            Add tags
          </Button>
        </div>
      )}
      {run && (
        <div className="flex flex-wrap items-center gap-3">
          <progress max={run.total} value={run.done} aria-label="Bulk action progress" className="w-48" />
          <p role="status" data-testid="bulk-status">
            {run.verb}: {run.done} of {run.total} products
            {run.done === run.total && !run.error && " — done"}
          </p>
          {run.error && (
            <p role="alert" className="text-red-700">
              Stopped: {run.error} The {run.total - run.done} products not changed are still selected.
            </p>
          )}
          {!busy && (
            <Button variant="ghost" onClick={() => setRun(null)}>
              Dismiss
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
