import { plainErrorMessage, useTRPC } from "@shop/client";
import { ErrorState, FormMessage, formatMoney, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
import { ActiveToggle } from "./active-toggle.tsx";
import { CouponStateBadge } from "./state-badge.tsx";
import { CouponFormView } from "./coupon-form.tsx";
import { describeDiscount, describeUsage, describeWindow } from "./describe.ts";
import { formFromCoupon } from "./form-state.ts";
import { Redemptions } from "./redemptions.tsx";

export function CouponPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const currency = useShopCurrency();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const coupon = useQuery(trpc.admin.coupons.get.queryOptions({ id }, { enabled: valid }));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const update = useMutation(
    trpc.admin.coupons.update.mutationOptions({
      onSuccess: async (saved) => {
        setMessage({ success: `Coupon ${saved.code} saved.` });
        await queryClient.invalidateQueries({ queryKey: trpc.admin.coupons.pathKey() });
      },
    }),
  );

  if (!valid) return <ErrorState title="Coupon not found" />;
  if (coupon.isPending || !currency) return <Skeleton className="h-96 w-full" />;
  if (coupon.isError)
    return <ErrorState message={plainErrorMessage(coupon.error)} onRetry={() => void coupon.refetch()} />;
  const c = coupon.data;
  const stats: Array<[string, string]> = [
    ["Discount", describeDiscount(c, currency)],
    ["Valid", describeWindow(c)],
    ["Used", describeUsage(c)],
    ["Redemptions", String(c.redemptions)],
    ["Discount given", formatMoney(c.discountTotal, currency)],
    ["Revenue", formatMoney(c.revenue, currency)],
  ];

  return (
    <div className="space-y-6">
      <p>
        <Link to="/coupons" className="text-sm text-brand-700 underline">
          ← Coupons
        </Link>
      </p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-bold">{c.code}</h1>
        <CouponStateBadge coupon={c} />
        <ActiveToggle coupon={c} onError={(error) => setMessage({ error })} />
      </header>
      {c.description && <p className="text-muted">{c.description}</p>}
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-md border border-line p-3">
            <dt className="text-xs uppercase text-muted">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <FormMessage {...message} />
      <section aria-labelledby="edit-title">
        <h2 id="edit-title" className="mb-3 text-lg font-semibold">
          Edit
        </h2>
        <CouponFormView
          key={c.id}
          initial={formFromCoupon(c, currency)}
          currency={currency}
          submitLabel="Save changes"
          showActive={false}
          onSave={(saved) => {
            setMessage({});
            return update.mutateAsync({ id: c.id, coupon: { ...saved, active: c.active } });
          }}
        />
      </section>
      <Redemptions redemptions={c.recentRedemptions} currency={currency} />
    </div>
  );
}
