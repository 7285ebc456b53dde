import type { RouterOutputs } from "@shop/api";
import { formatCount, formatCountOf, formatMoney } from "@shop/ui";
import type { ReactNode } from "react";
import { toggleParam, withParam, type ListingFilters } from "../lib/listing-params.ts";
import { Link } from "./link.tsx";

type Facets = RouterOutputs["catalog"]["facets"];

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="border-b border-line py-4">
      <legend className="mb-2 text-sm font-semibold">{title}</legend>
      <div className="flex flex-col gap-1 text-sm">{children}</div>
    </fieldset>
  );
}

function Check({
  label,
  count,
  checked,
  onChange,
}: {
  label: string;
  /** Null when the counts are not exhaustive (lower bounds are not shown). */
  count: number | null;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <label className="flex min-h-8 cursor-pointer items-center gap-2">
      <input type="checkbox" checked={checked} onChange={onChange} className="size-4" />
      <span className="flex-1">{label}</span>
      {count !== null && <span className="text-xs text-muted tabular-nums">{formatCount(count)}</span>}
    </label>
  );
}

/** Filters with counts for the current results; every change is a new URL (back undoes it). */
export function FacetPanel(props: {
  facets: Facets | undefined;
  filters: ListingFilters;
  params: URLSearchParams;
  setParams: (next: URLSearchParams) => void;
  currency: string;
  categoryPath: (slug: string) => string;
}) {
  const { facets, filters, params, setParams } = props;
  if (!facets) return null;
  const current = filters.category;
  const subcategories = facets.categories.filter((category) => category.parentSlug === (current ?? null));
  // A search matching more products than the server counts: values without (lower-bound) counts.
  const shown = (count: number) => (facets.exhaustive ? count : null);
  const clear = (key: string) => setParams(withParam(withParam(params, key, null), "cursor", null));
  return (
    <div aria-label="Filters" role="group">
      {subcategories.length > 0 && (
        <Group title="Category">
          {subcategories.map((category) => (
            <Link
              key={category.slug}
              to={props.categoryPath(category.slug)}
              className="flex min-h-8 items-center justify-between hover:underline"
            >
              <span>{category.name}</span>
              {facets.exhaustive && (
                <span className="text-xs text-muted tabular-nums">{formatCount(category.count)}</span>
              )}
            </Link>
          ))}
        </Group>
      )}
      {facets.brands.length > 0 && (
        <Group title="Brand">
          {facets.brands.map((brand) => (
            <Check
              key={brand.slug}
              label={brand.name}
              count={shown(brand.count)}
              checked={filters.brands?.includes(brand.slug) ?? false}
              onChange={() => setParams(toggleParam(params, "brand", brand.slug))}
            />
          ))}
        </Group>
      )}
      {facets.prices.length > 0 && (
        <Group title="Price">
          {facets.prices.map((bucket) => {
            const checked = filters.priceMin === bucket.min && filters.priceMax === (bucket.max ?? undefined);
            const label =
              bucket.max === null
                ? `${formatMoney(bucket.min, props.currency)} and up`
                : `${formatMoney(bucket.min, props.currency)} – ${formatMoney(bucket.max, props.currency)}`;
            return (
              <Check
                key={bucket.min}
                label={label}
                count={shown(bucket.count)}
                checked={checked}
                onChange={() =>
                  setParams(
                    checked
                      ? withParam(withParam(params, "min", null), "max", null)
                      : withParam(withParam(params, "min", bucket.min), "max", bucket.max),
                  )
                }
              />
            );
          })}
        </Group>
      )}
      <Group title="Rating">
        {facets.ratings
          .filter((rating) => rating.count > 0)
          .map((rating) => (
            <Check
              key={rating.stars}
              label={`${formatCountOf(rating.stars, "star")} & up`}
              count={shown(rating.count)}
              checked={filters.minRating === rating.stars}
              onChange={() =>
                setParams(withParam(params, "rating", filters.minRating === rating.stars ? null : rating.stars))
              }
            />
          ))}
      </Group>
      {facets.options.map((option) => (
        <Group key={option.name} title={option.name}>
          {option.values.slice(0, 12).map((value) => (
            <Check
              key={value.value}
              label={value.value}
              count={shown(value.count)}
              checked={filters.options?.[option.name]?.includes(value.value) ?? false}
              onChange={() => setParams(toggleParam(params, `o.${option.name}`, value.value))}
            />
          ))}
        </Group>
      ))}
      <Group title="Availability">
        <label className="flex min-h-8 cursor-pointer items-center gap-2">
          <input
            type="checkbox"
            className="size-4"
            checked={filters.inStock ?? false}
            onChange={() => (filters.inStock ? clear("stock") : setParams(withParam(params, "stock", 1)))}
          />
          In stock only
        </label>
      </Group>
    </div>
  );
}
