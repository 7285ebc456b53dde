import type { RouterInputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, formatMoney, Skeleton, TableScroll } from "@shop/ui";
import { AdminProductSortSchema } from "@shop/validators";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { BulkBar } from "../components/bulk-bar.tsx";

type Status = NonNullable<RouterInputs["admin"]["products"]["list"]["status"]>;
const statuses: Status[] = ["ACTIVE", "DRAFT", "ARCHIVED"];
const isStatus = (value: string | null): value is Status => statuses.some((status) => status === value);

export function ProductsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const statusParam = params.get("status");
  const status = isStatus(statusParam) ? statusParam : undefined;
  const [draft, setDraft] = useState(search);
  const sortParam = AdminProductSortSchema.safeParse(params.get("sort"));
  const sort = sortParam.success ? sortParam.data : "updated";
  const brandId = Number(params.get("brand")) || undefined;
  const categoryId = Number(params.get("category")) || undefined;
  const brands = useQuery(trpc.admin.brands.list.queryOptions());
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const [selected, setSelected] = useState<Set<number>>(new Set());

  const products = useInfiniteQuery(
    trpc.admin.products.list.infiniteQueryOptions(
      { search: search || undefined, status, brandId, categoryId, sort, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = products.data?.pages.flatMap((page) => page.items) ?? [];

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  return (
    <section aria-labelledby="products-title">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 id="products-title" className="text-2xl font-bold">
          Products
        </h1>
        <div className="flex gap-2">
          <Link
            to="/products/import"
            className="inline-flex min-h-10 items-center rounded-md border border-line px-4 text-sm font-medium"
          >
            Import / export CSV
          </Link>
          <Link
            to="/products/new"
            className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white"
          >
            New product
          </Link>
        </div>
      </div>
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">Search name or SKU</span>
          <input
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
            type="search"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select
            value={status ?? ""}
            onChange={(event) => update({ status: event.target.value })}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="">Any</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {value.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Brand</span>
          <select
            value={brandId ?? ""}
            onChange={(event) => update({ brand: event.target.value })}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="">Any</option>
            {brands.data?.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Category</span>
          <select
            value={categoryId ?? ""}
            onChange={(event) => update({ category: event.target.value })}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="">Any</option>
            {categories.data?.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Sort</span>
          <select
            value={sort}
            onChange={(event) => update({ sort: event.target.value })}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          >
            <option value="updated">Recently edited</option>
            <option value="newest">Newest</option>
            <option value="name">Name</option>
            <option value="price_asc">Price: low to high</option>
            <option value="price_desc">Price: high to low</option>
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <BulkBar selected={selected} onDone={() => setSelected(new Set())} />

      {products.isError ? (
        <ErrorState message="Could not load products." onRetry={() => void products.refetch()} />
      ) : products.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title="No products match" />
      ) : (
        <TableScroll label="Products" className="rounded-lg border border-line">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={rows.length > 0 && rows.every((row) => selected.has(row.id))}
                    onChange={(event) =>
                      setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())
                    }
                  />
                </th>
                <th scope="col" className="p-3">
                  Product
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3">
                  Brand
                </th>
                <th scope="col" className="p-3">
                  Category
                </th>
                <th scope="col" className="p-3 text-right">
                  Price
                </th>
                <th scope="col" className="p-3 text-right">
                  Variants
                </th>
                <th scope="col" className="p-3 text-right">
                  Available
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((product) => (
                <tr key={product.id} className="border-t border-line" data-testid="product-row">
                  <td className="p-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${product.name}`}
                      checked={selected.has(product.id)}
                      onChange={() => {
                        const next = new Set(selected);
                        if (next.has(product.id)) next.delete(product.id);
                        else next.add(product.id);
                        setSelected(next);
                      }}
                    />
                  </td>
                  <td className="p-3">
                    <div className="flex items-center gap-3">
                      {product.image && (
                        <img
                          src={product.image.url}
                          alt=""
                          width={40}
                          height={40}
                          loading="lazy"
                          className="size-10 rounded bg-subtle"
                        />
                      )}
                      <Link to={`/products/${product.id}`} className="font-medium hover:underline">
                        {product.name}
                      </Link>
                    </div>
                  </td>
                  <td className="p-3">{product.status.toLowerCase()}</td>
                  <td className="p-3">{product.brand?.name ?? "—"}</td>
                  <td className="p-3">{product.category?.name ?? "—"}</td>
                  <td className="p-3 text-right tabular-nums">
                    {formatMoney(product.priceMin, product.currency)}
                    {product.priceMax !== product.priceMin && ` – ${formatMoney(product.priceMax, product.currency)}`}
                  </td>
                  <td className="p-3 text-right tabular-nums">{product.variantCount}</td>
                  <td
                    className={`p-3 text-right tabular-nums ${product.available === 0 ? "font-semibold text-red-700" : ""}`}
                  >
                    {product.available === 0 ? "Sold out" : product.available}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {products.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void products.fetchNextPage()}
            disabled={products.isFetchingNextPage}
          >
            {products.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </section>
  );
}
