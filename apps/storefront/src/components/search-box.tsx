import { useTRPC } from "@shop/client";
import { formatMoney, ResponsiveImage, useCombobox } from "@shop/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

function useSuggestionsInBrowser(q: string, open: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.suggest.queryOptions({ q }),
    enabled: open && q.length >= 2,
    placeholderData: keepPreviousData,
  }).data;
}

// A page is rendered before anyone types: on the server the box is closed and has nothing to
// suggest, so no query observer is built for it (the header is on every page).
const useSuggestions: typeof useSuggestionsInBrowser = import.meta.env.SSR ? () => undefined : useSuggestionsInBrowser;

/** The header search: suggestions as you type (arrow keys and Enter pick one), Enter searches. */
export function SearchBox({ label }: { label?: string } = {}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const shown = pathname === "/search" ? (params.get("q") ?? "") : "";
  const combo = useCombobox<{ slug: string }>({
    initialText: shown,
    debounceMs: 150,
    onPick: (product) => void navigate(`/p/${product.slug}`),
  });
  // The box says what the results are for; leaving the results (or searching again) resets it.
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    setLastShown(shown);
    combo.setText(shown);
  }
  const q = combo.query;
  const suggestions = useSuggestions(q, combo.open);
  const products = q.length >= 2 ? (suggestions?.products ?? []) : [];
  const input = combo.inputProps(products);

  return (
    <form
      role="search"
      action="/search"
      aria-label={label}
      className="relative w-full md:max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        combo.close();
        if (combo.text.trim()) void navigate(`/search?q=${encodeURIComponent(combo.text.trim())}`);
      }}
    >
      <label htmlFor={input.id} className="sr-only">
        Search products
      </label>
      <input
        {...input}
        name="q"
        type="search"
        placeholder="Search products"
        className="min-h-10 w-full rounded-md border border-line bg-surface px-3 text-sm"
      />
      {input["aria-expanded"] && (
        <ul
          id={combo.listId}
          role="listbox"
          aria-label="Suggestions"
          className="absolute inset-x-0 top-11 z-20 overflow-hidden rounded-md border border-line bg-surface shadow-lg"
        >
          {suggestions?.corrected && (
            <li className="px-3 py-2 text-xs text-muted">Showing results for “{suggestions.corrected}”</li>
          )}
          {products.map((product, index) => (
            <li
              key={product.id}
              {...combo.optionProps(products, index)}
              className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${index === combo.active ? "bg-subtle" : ""}`}
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
