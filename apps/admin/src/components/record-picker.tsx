import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useCombobox } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { OptionList } from "./option-list.tsx";

export type RecordKind = keyof RouterOutputs["admin"]["lookup"];
type Found = RouterOutputs["admin"]["lookup"][RecordKind][number];

/**
 * Chooses records by name instead of typed ids: the chosen ones show as removable chips, and a
 * combobox searches the kind's `admin.lookup` procedure for more (names, thumbnails, keyboard).
 */
export function RecordPicker({
  kind,
  label,
  value,
  onChange,
  hint,
  error,
  single = false,
}: {
  kind: RecordKind;
  label: string;
  value: readonly number[];
  onChange: (ids: number[]) => void;
  hint?: string;
  error?: string;
  /** One record at most: picking another replaces it. */
  single?: boolean;
}) {
  const trpc = useTRPC();
  const lookup = trpc.admin.lookup[kind];
  const [known, setKnown] = useState<ReadonlyMap<number, Found>>(new Map());
  const combo = useCombobox<Found & { key: string }>({
    debounceMs: 150,
    onPick: (option) => {
      setKnown((current) => new Map(current).set(option.id, option));
      onChange(single ? [option.id] : [...value, option.id]);
      combo.setText("");
    },
  });
  const missing = value.filter((id) => !known.has(id));
  const chosen = useQuery({ ...lookup.queryOptions({ ids: missing }), enabled: missing.length > 0 });
  const found = useQuery({ ...lookup.queryOptions({ query: combo.query }), enabled: combo.open });
  const names = new Map([...known, ...(chosen.data ?? []).map((row): [number, Found] => [row.id, row])]);
  // Matches for what was typed a moment ago are not offered: Enter must not pick a stale one.
  const current = found.isSuccess && combo.query === combo.text.trim();
  const options = (current ? (found.data ?? []) : [])
    .filter((row) => !value.includes(row.id))
    .map((row) => ({ ...row, key: String(row.id) }));
  const expanded = combo.open && (options.length > 0 || combo.query.length > 0);
  const input = combo.inputProps(options, expanded);
  const describedBy = [hint && `${input.id}-hint`, error && `${input.id}-error`].filter(Boolean).join(" ");

  return (
    <div className="text-sm">
      <label htmlFor={input.id} className="block font-medium">
        {label}
      </label>
      {value.length > 0 && (
        <ul aria-label={`Chosen: ${label}`} className="mt-1 flex flex-wrap gap-2">
          {value.map((id) => {
            const name = names.get(id)?.label ?? `#${id}`;
            return (
              <li
                key={id}
                className="flex items-center gap-1 rounded-full bg-subtle py-1 pl-3 pr-1"
                data-testid="chosen"
              >
                {name}
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  className="grid size-6 place-items-center rounded-full hover:bg-line"
                  onClick={() => onChange(value.filter((other) => other !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="relative mt-1">
        <input
          {...input}
          type="search"
          placeholder={`Search ${kind}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="block min-h-10 w-full rounded-md border border-line bg-surface px-3"
        />
        <OptionList
          combo={combo}
          options={options}
          label={`${label}: matches`}
          expanded={expanded}
          status={
            !current || found.isFetching
              ? "Searching…"
              : options.length === 0
                ? "No matches"
                : `${options.length} matches`
          }
        />
      </div>
      {hint && (
        <p id={`${input.id}-hint`} className="mt-1 text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${input.id}-error`} className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
