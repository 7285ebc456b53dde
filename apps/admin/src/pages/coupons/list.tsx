import { useTRPC } from "@shop/client";
import type { RouterOutputs } from "@shop/api";
import {
  DataTable,
  EmptyState,
  FormMessage,
  formatMoney,
  InfiniteList,
  SearchFilters,
  Skeleton,
  type Column,
  ListPage,
} from "@shop/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
import { ActiveToggle } from "./active-toggle.tsx";
import { CouponStateBadge } from "./state-badge.tsx";
import { describeDiscount, describeUsage, describeWindow } from "./describe.ts";

const created = (state: unknown) =>
  state && typeof state === "object" && "created" in state && typeof state.created === "string"
    ? state.created
    : undefined;

type Row = RouterOutputs["admin"]["coupons"]["list"]["items"][number];

const couponColumns = (currency: string, onError: (message: string) => void): Column<Row>[] => [
  {
    key: "code",
    header: "Code",
    rowHeader: true,
    cell: (coupon) => (
      <Link to={`/coupons/${coupon.id}`} className="font-mono text-brand-700 underline">
        {coupon.code}
      </Link>
    ),
  },
  { key: "discount", header: "Discount", cell: (coupon) => describeDiscount(coupon, currency) },
  { key: "valid", header: "Valid", cell: (coupon) => describeWindow(coupon) },
  { key: "used", header: "Used", align: "right", cell: (coupon) => describeUsage(coupon) },
  {
    key: "status",
    header: "Status",
    cell: (coupon) => (
      <span className="flex items-center gap-2">
        <CouponStateBadge coupon={coupon} />
        <ActiveToggle coupon={coupon} onError={onError} />
      </span>
    ),
  },
  { key: "redemptions", header: "Redemptions", align: "right", cell: (coupon) => coupon.redemptions },
  {
    key: "given",
    header: "Discount given",
    align: "right",
    cell: (coupon) => formatMoney(coupon.discountTotal, currency),
  },
  { key: "revenue", header: "Revenue", align: "right", cell: (coupon) => formatMoney(coupon.revenue, currency) },
];

export function CouponsPage() {
  const trpc = useTRPC();
  const currency = useShopCurrency();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const [error, setError] = useState<string>();
  const coupons = useInfiniteQuery(
    trpc.admin.coupons.list.infiniteQueryOptions(
      { search: search || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const justCreated = created(location.state);

  return (
    <ListPage
      title="Coupons"
      actions={
        <>
          <Link
            to="/coupons/new"
            className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-strong"
          >
            New coupon
          </Link>
        </>
      }
    >
      <FormMessage success={justCreated && `Coupon ${justCreated} created.`} error={error} />
      <SearchFilters label="Code" value={search} className="my-4" onSearch={(q) => setParams(q ? { q } : {})} />
      <InfiniteList
        query={coupons}
        noun="coupons"
        empty={
          <EmptyState title={search ? "No coupon matches" : "No coupons yet"}>
            <Link to="/coupons/new" className="text-brand-700 underline">
              Create one
            </Link>
          </EmptyState>
        }
      >
        {(rows) =>
          currency ? (
            <DataTable label="Coupons" rows={rows} columns={couponColumns(currency, setError)} rowTestId="coupon-row" />
          ) : (
            <Skeleton className="h-64 w-full" />
          )
        }
      </InfiniteList>
    </ListPage>
  );
}
