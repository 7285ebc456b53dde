import type { RouterInputs, RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import {
  DataTable,
  EmptyState,
  FilterSelect,
  formatMoney,
  InfiniteList,
  listParams,
  SearchFilters,
  type Column,
  type TableSort,
  ListPage,
} from "@shop/ui";
import { AdminProductSortSchema, ProductStatusSchema } from "@shop/validators";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { BulkBar } from "../components/bulk-bar.tsx";

type Input = RouterInputs["admin"]["products"]["list"];
type Sort = NonNullable<Input["sort"]>;
type Row = RouterOutputs["admin"]["products"]["list"]["items"][number];
const statuses = ProductStatusSchema.options;
const sorts: { value: Sort; label: string }[] = [
  { value: "updated", label: "Recently edited" },
  { value: "newest", label: "Newest" },
  { value: "name", label: "Name" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];

// The Product and Price headings sort too; they map onto the same server sorts as the drop-down.
const tableSort = (sort: Sort): TableSort | undefined =>
  sort === "name"
    ? { key: "name", direction: "asc" }
    : sort === "price_asc" || sort === "price_desc"
      ? { key: "price", direction: sort === "price_asc" ? "asc" : "desc" }
      : undefined;
const fromTableSort = (sort: TableSort): Sort =>
  sort.key === "name" ? "name" : sort.direction === "asc" ? "price_asc" : "price_desc";

const columns: Column<Row>[] = [
  {
    key: "name",
    header: "Product",
    sortable: true,
    firstDirection: "asc",
    cell: (product) => (
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
        <div>
          <Link to={`/products/${product.id}`} className="font-medium hover:underline">
            {product.name}
          </Link>
          {product.tags.length > 0 && (
            <ul aria-label={`Tags of ${product.name}`} className="mt-1 flex flex-wrap gap-1" data-testid="product-tags">
              {product.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    to={`/products?tag=${encodeURIComponent(tag)}`}
                    className="rounded bg-subtle px-1.5 py-0.5 text-xs text-ink hover:underline"
                  >
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    ),
  },
  { key: "status", header: "Status", cell: (product) => product.status.toLowerCase() },
  { key: "brand", header: "Brand", cell: (product) => product.brand?.name ?? "—" },
  { key: "category", header: "Category", cell: (product) => product.category?.name ?? "—" },
  {
    key: "price",
    header: "Price",
    align: "right",
    sortable: true,
    firstDirection: "asc",
    cell: (product) => (
      <>
        {formatMoney(product.priceMin, product.currency)}
        {product.priceMax !== product.priceMin && ` – ${formatMoney(product.priceMax, product.currency)}`}
      </>
    ),
  },
  { key: "variants", header: "Variants", align: "right", cell: (product) => product.variantCount },
  {
    key: "available",
    header: "Available",
    align: "right",
    cell: (product) =>
      product.available === 0 ? <span className="font-semibold text-red-700">Sold out</span> : product.available,
  },
];

export function ProductsPage() {
  const trpc = useTRPC();
  const list = listParams(useSearchParams());
  const parsedSort = AdminProductSortSchema.safeParse(list.params.get("sort"));
  const input: Input = {
    search: list.text("q") || undefined,
    status: list.oneOf("status", statuses),
    brandId: list.id("brand"),
    categoryId: list.id("category"),
    tag: list.text("tag") || undefined,
    sort: parsedSort.success ? parsedSort.data : "updated",
    limit: 50,
  };
  const brands = useQuery(trpc.admin.brands.list.queryOptions());
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const products = useInfiniteQuery(
    trpc.admin.products.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const names = new Map(products.data?.pages.flatMap((page) => page.items.map((row) => [row.id, row.name])));

  return (
    <ListPage
      title="Products"
      actions={
        <>
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
        </>
      }
    >
      <SearchFilters label="Search name or SKU" value={input.search ?? ""} onSearch={(q) => list.set({ q })}>
        <FilterSelect
          label="Status"
          value={input.status}
          onChange={(status) => list.set({ status })}
          options={statuses.map((status) => ({ value: status, label: status.toLowerCase() }))}
        />
        <FilterSelect
          label="Brand"
          value={input.brandId}
          onChange={(brand) => list.set({ brand })}
          options={(brands.data ?? []).map((brand) => ({ value: brand.id, label: brand.name }))}
        />
        <FilterSelect
          label="Category"
          value={input.categoryId}
          onChange={(category) => list.set({ category })}
          options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
        />
        <FilterSelect
          label="Sort"
          value={input.sort}
          any={null}
          onChange={(sort) => list.set({ sort })}
          options={sorts}
        />
      </SearchFilters>
      {input.tag && (
        <p className="mb-3 text-sm">
          Tagged <strong>{input.tag}</strong> ·{" "}
          <button type="button" className="text-brand-700 underline" onClick={() => list.set({ tag: undefined })}>
            Any tag
          </button>
        </p>
      )}
      <BulkBar selected={selected} onDone={(left) => setSelected(new Set(left))} />
      <InfiniteList query={products} noun="products" empty={<EmptyState title="No products match" />}>
        {(rows) => (
          <DataTable
            label="Products"
            rows={rows}
            columns={columns}
            rowTestId="product-row"
            sort={tableSort(input.sort ?? "updated")}
            onSort={(sort) => list.set({ sort: fromTableSort(sort) })}
            selection={{
              selected,
              onChange: setSelected,
              label: (id) => `Select ${names.get(id) ?? `product ${id}`}`,
            }}
          />
        )}
      </InfiniteList>
    </ListPage>
  );
}
