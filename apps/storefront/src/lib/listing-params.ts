import type { RouterInputs } from "@shop/api";

export type ListingInput = RouterInputs["catalog"]["list"];
export type ListingFilters = Omit<ListingInput, "cursor" | "direction" | "limit" | "sort">;
export type Sort = NonNullable<ListingInput["sort"]>;

// The sorts the API accepts, without importing its zod schema: route loaders run this in the entry
// chunk, and zod would add ~30 kB to every first visit. The compiler checks the list is complete.
const SORTS = [
  "relevance",
  "newest",
  "price_asc",
  "price_desc",
  "rating",
  "best_selling",
] as const satisfies readonly Sort[];
const complete: Exclude<Sort, (typeof SORTS)[number]> extends never ? true : false = true;
const isSort = (value: string | null): value is Sort => complete && SORTS.some((sort) => sort === value);

// Filters and sort live in the URL, so a listing can be shared and the back button steps
// through filter changes. Prices are in minor units; option values are `o.<Option>=<value>`.

const count = (value: string | null) => {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
};

export function filtersFromParams(params: URLSearchParams, category?: string): ListingFilters & { sort?: Sort } {
  const options: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key.startsWith("o.") && key.length > 2 && value) (options[key.slice(2)] ??= []).push(value);
  }
  const sort = params.get("sort");
  const rating = count(params.get("rating"));
  const brands = params.getAll("brand").filter(Boolean);
  return {
    q: params.get("q")?.trim() || undefined,
    category: category ?? (params.get("category") || undefined),
    brands: brands.length ? brands : undefined,
    priceMin: count(params.get("min")),
    priceMax: count(params.get("max")),
    minRating: rating !== undefined && rating >= 1 && rating <= 5 ? rating : undefined,
    inStock: params.get("stock") === "1" || undefined,
    options: Object.keys(options).length ? options : undefined,
    sort: isSort(sort) ? sort : undefined,
  };
}

/** A copy of `params` with `key` set to `values` (none: removed). */
export function withParam(
  params: URLSearchParams,
  key: string,
  values: Array<string | number> | string | number | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(key);
  for (const value of Array.isArray(values) ? values : values === null ? [] : [values]) next.append(key, String(value));
  return next;
}

/** Adds or removes one value of a multi-valued parameter (a brand, an option value). */
export function toggleParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const current = params.getAll(key);
  return withParam(params, key, current.includes(value) ? current.filter((v) => v !== value) : [...current, value]);
}

/**
 * The canonical query string of a listing: only the parameters the page understands, in one
 * order, multi-valued ones sorted, the default sort left out; a page reached through a cursor
 * keeps it (paginated pages are canonical to themselves). Two URLs that show the same products
 * get the same canonical URL.
 */
export function canonicalSearch(params: URLSearchParams, category?: string): string {
  const { sort, q, brands, priceMin, priceMax, minRating, inStock, options, ...rest } = filtersFromParams(
    params,
    category,
  );
  const out = new URLSearchParams();
  if (q) out.set("q", q);
  if (!category && rest.category) out.set("category", rest.category);
  for (const brand of [...new Set(brands)].sort()) out.append("brand", brand);
  if (priceMin !== undefined) out.set("min", String(priceMin));
  if (priceMax !== undefined) out.set("max", String(priceMax));
  if (minRating !== undefined) out.set("rating", String(minRating));
  if (inStock) out.set("stock", "1");
  for (const name of Object.keys(options ?? {}).sort())
    for (const value of [...new Set(options?.[name])].sort()) out.append(`o.${name}`, value);
  if (sort && sort !== (q ? "relevance" : "newest")) out.set("sort", sort);
  const cursor = params.get("cursor");
  if (cursor) out.set("cursor", cursor);
  const text = out.toString();
  return text ? `?${text}` : "";
}
