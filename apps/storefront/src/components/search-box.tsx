import { useTRPC } from "@shop/client";
import { formatMoney, ResponsiveImage } from "@shop/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The header search: suggestions as you type (arrow keys and Enter pick one), Enter searches. */
export function SearchBox({ label }: { label?: string } = {}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const q = useDebounced(text.trim(), 150);
  const suggestions = useQuery({
    ...trpc.catalog.suggest.queryOptions({ q }),
    enabled: open && q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const products = q.length >= 2 ? (suggestions.data?.products ?? []) : [];
  const showList = open && products.length > 0;

  const go = (path: string) => {
    setOpen(false);
    setActive(-1);
    void navigate(path);
  };

  return (
    <form
      role="search"
      action="/search"
      aria-label={label}
      className="relative w-full md:max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        const picked = products[active];
        if (picked) return go(`/p/${picked.slug}`);
        if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
      }}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search products
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Search products"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, products.length - 1));
          else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, -1));
          else if (event.key === "Escape") setOpen(false);
          else return;
          event.preventDefault();
        }}
        className="min-h-10 w-full rounded-md border border-line bg-surface px-3 text-sm"
      />
      {showList && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className="absolute inset-x-0 top-11 z-20 overflow-hidden rounded-md border border-line bg-surface shadow-lg"
        >
          {suggestions.data?.corrected && (
            <li className="px-3 py-2 text-xs text-muted">Showing results for “{suggestions.data.corrected}”</li>
          )}
          {products.map((product, index) => (
            <li
              key={product.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(`/p/${product.slug}`)}
              className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${index === active ? "bg-subtle" : ""}`}
            >
              {product.image && (
                <ResponsiveImage
                  image={product.image}
                  alt=""
                  sizes="40px"
                  className="size-10 rounded bg-subtle object-cover"
                />
              )}
              <span className="flex-1">{product.name}</span>
              <span className="text-muted">{formatMoney(product.price.min, product.price.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
