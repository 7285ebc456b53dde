import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";

type Results = RouterOutputs["admin"]["search"];
type Hit = { key: string; group: string; label: string; detail: string; to: string };

function hits(results: Results | undefined): Hit[] {
  if (!results) return [];
  return [
    ...results.orders.map((o) => ({
      key: `o${o.id}`,
      group: "Orders",
      label: `Order #${o.number}`,
      detail: `${o.email} · ${o.status.toLowerCase().replaceAll("_", " ")}`,
      to: `/orders/${o.id}`,
    })),
    ...results.customers.map((c) => ({
      key: `c${c.id}`,
      group: "Customers",
      label: c.email,
      detail: `${c.name} · ${c.role.toLowerCase()}`,
      to: `/customers/${c.id}`,
    })),
    ...results.products.map((p) => ({
      key: `p${p.id}`,
      group: "Products",
      label: p.name,
      detail: p.matchedSku ? `SKU ${p.matchedSku}` : p.status.toLowerCase(),
      to: `/products/${p.id}`,
    })),
  ];
}

/**
 * The shell's search: a combobox (ARIA 1.2 pattern). Arrow keys move through the results, Enter
 * opens one, Escape closes; "/" anywhere focuses it. Requests wait for a pause in typing.
 */
export function GlobalSearch() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
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
  const search = useQuery({
    ...trpc.admin.search.queryOptions({ query }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const list = query ? hits(search.data) : [];
  const expanded = open && query.length > 0;

  const go = (hit: Hit) => {
    setOpen(false);
    setText("");
    setQuery("");
    void navigate(hit.to);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (list.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + list.length) % list.length);
    } else if (event.key === "Enter") {
      const hit = list[active] ?? (list.length === 1 ? list[0] : undefined);
      if (hit) {
        event.preventDefault();
        go(hit);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="relative" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search orders, customers and products
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && list[active] ? `${id}-${list[active].key}` : undefined}
        placeholder="Search (press /)"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="block min-h-10 w-full rounded-md border border-line bg-surface px-3 text-sm"
      />
      <div
        className={
          expanded
            ? "absolute left-0 z-40 mt-1 w-[min(24rem,90vw)] rounded-md border border-line bg-surface p-1 shadow-lg"
            : "hidden"
        }
      >
        <ul id={`${id}-list`} role="listbox" aria-label="Search results" className="max-h-96 overflow-auto">
          {list.map((hit, index) => (
            <li
              key={hit.key}
              id={`${id}-${hit.key}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(hit)}
              className={`cursor-pointer rounded px-3 py-2 text-sm ${index === active ? "bg-brand-600 text-white" : "hover:bg-subtle"}`}
            >
              <span className="block font-medium">{hit.label}</span>
              <span className={`block text-xs ${index === active ? "text-white" : "text-muted"}`}>
                {hit.group} · {hit.detail}
              </span>
            </li>
          ))}
        </ul>
        <p role="status" className="px-3 py-2 text-xs text-muted">
          {search.isFetching ? "Searching…" : list.length === 0 ? "No matches" : `${list.length} results`}
        </p>
      </div>
    </div>
  );
}
