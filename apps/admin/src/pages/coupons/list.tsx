import { useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, FormMessage, formatMoney, Skeleton, TableScroll } from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
import { ActiveToggle } from "./active-toggle.tsx";
import { describeDiscount, describeUsage, describeWindow } from "./describe.ts";

const created = (state: unknown) =>
  state && typeof state === "object" && "created" in state && typeof state.created === "string"
    ? state.created
    : undefined;

export function CouponsPage() {
  const trpc = useTRPC();
  const currency = useShopCurrency();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const [draft, setDraft] = useState(search);
  const [error, setError] = useState<string>();
  const coupons = useInfiniteQuery(
    trpc.admin.coupons.list.infiniteQueryOptions(
      { search: search || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = coupons.data?.pages.flatMap((page) => page.items) ?? [];
  const money = (minor: number) => (currency ? formatMoney(minor, currency) : "…");
  const justCreated = created(location.state);

  return (
    <section aria-labelledby="coupons-title">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 id="coupons-title" className="text-2xl font-bold">
          Coupons
        </h1>
        <Link
          to="/coupons/new"
          className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-strong"
        >
          New coupon
        </Link>
      </div>
      <FormMessage success={justCreated && `Coupon ${justCreated} created.`} error={error} />
      <form
        role="search"
        className="my-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">Code</span>
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-3"
          />
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {coupons.isError ? (
        <ErrorState
          message={`Could not load coupons: ${coupons.error.message}`}
          onRetry={() => void coupons.refetch()}
        />
      ) : coupons.isPending || !currency ? (
        <Skeleton className="h-64 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title={search ? "No coupon matches" : "No coupons yet"}>
          <Link to="/coupons/new" className="text-brand-700 underline">
            Create one
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Coupons" className="rounded-lg border border-line">
          <table className="w-full min-w-[60rem] text-left text-sm">
            <thead className="bg-subtle text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="p-3">
                  Code
                </th>
                <th scope="col" className="p-3">
                  Discount
                </th>
                <th scope="col" className="p-3">
                  Valid
                </th>
                <th scope="col" className="p-3 text-right">
                  Used
                </th>
                <th scope="col" className="p-3">
                  Status
                </th>
                <th scope="col" className="p-3 text-right">
                  Redemptions
                </th>
                <th scope="col" className="p-3 text-right">
                  Discount given
                </th>
                <th scope="col" className="p-3 text-right">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((coupon) => (
                <tr key={coupon.id} className="border-t border-line" data-testid="coupon-row">
                  <th scope="row" className="p-3">
                    <Link to={`/coupons/${coupon.id}`} className="font-mono font-medium text-brand-700 underline">
                      {coupon.code}
                    </Link>
                  </th>
                  <td className="p-3">{describeDiscount(coupon, currency)}</td>
                  <td className="p-3">{describeWindow(coupon)}</td>
                  <td className="p-3 text-right tabular-nums">{describeUsage(coupon)}</td>
                  <td className="p-3">
                    <span className="flex items-center gap-2">
                      <span className={coupon.active ? "font-medium text-green-800" : "text-muted"}>
                        {coupon.active ? "Active" : "Inactive"}
                      </span>
                      <ActiveToggle coupon={coupon} onError={setError} />
                    </span>
                  </td>
                  <td className="p-3 text-right tabular-nums">{coupon.redemptions}</td>
                  <td className="p-3 text-right tabular-nums">{money(coupon.discountTotal)}</td>
                  <td className="p-3 text-right tabular-nums">{money(coupon.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {coupons.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void coupons.fetchNextPage()}
            disabled={coupons.isFetchingNextPage}
          >
            {coupons.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </section>
  );
}
