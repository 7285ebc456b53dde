import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useCombobox } from "@shop/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { OptionList, type PickOption } from "./option-list.tsx";

type Results = RouterOutputs["admin"]["search"];
type Hit = PickOption & { to: string };

const groups = [
  ["orders", "Order"],
  ["customers", "Customer"],
  ["products", "Product"],
] as const;

function hits(results: Results | undefined): Hit[] {
  if (!results) return [];
  return groups.flatMap(([kind, group]) =>
    results[kind].map((option) => ({
      key: `${kind}-${option.id}`,
      label: option.label,
      detail: `${group} · ${option.detail}`,
      to: `/${kind}/${option.id}`,
    })),
  );
}

/**
 * The shell's search: a combobox over orders, customers and products. Enter opens the chosen
 * result (or the only one); "/" anywhere focuses it. Requests wait for a pause in typing.
 */
export function GlobalSearch() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const combo = useCombobox<Hit>({
    pickSingle: true,
    onPick: (hit) => {
      combo.setText("");
      void navigate(hit.to);
    },
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target;
      const typing =
        target instanceof HTMLElement &&
        (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const query = combo.query;
  const search = useQuery({
    ...trpc.admin.search.queryOptions({ query }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  // Results for what was typed a moment ago are not offered: Enter must not open a stale one.
  const current = !search.isPlaceholderData && query === combo.text.trim();
  const list = query && current ? hits(search.data) : [];
  const expanded = combo.open && query.length > 0;
  const props = combo.inputProps(list, expanded);

  return (
    <div className="relative" role="search">
      <label htmlFor={props.id} className="sr-only">
        Search orders, customers and products
      </label>
      <input
        ref={input}
        {...props}
        type="search"
        placeholder="Search (press /)"
        className="block min-h-10 w-full rounded-md border border-line bg-surface px-3 text-sm"
      />
      <OptionList
        combo={combo}
        options={list}
        label="Search results"
        expanded={expanded}
        status={
          !current || search.isFetching ? "Searching…" : list.length === 0 ? "No matches" : `${list.length} results`
        }
      />
    </div>
  );
}
