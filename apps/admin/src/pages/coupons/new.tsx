import { useTRPC } from "@shop/client";
import { Skeleton } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useShopCurrency } from "../../lib/settings.ts";
import { CouponFormView } from "./coupon-form.tsx";
import { emptyCouponForm } from "./form-state.ts";

export function NewCouponPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const currency = useShopCurrency();
  const [initial] = useState(emptyCouponForm);
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.admin.coupons.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.coupons.pathKey() }),
    }),
  );
  return (
    <section aria-labelledby="new-coupon-title" className="space-y-4">
      <p>
        <Link to="/coupons" className="text-sm text-brand-700 underline">
          ← Coupons
        </Link>
      </p>
      <h1 id="new-coupon-title" className="text-2xl font-bold">
        New coupon
      </h1>
      {currency ? (
        <CouponFormView
          initial={initial}
          currency={currency}
          submitLabel="Create coupon"
          onSave={async (coupon) => {
            const saved = await create.mutateAsync(coupon);
            await navigate("/coupons", { state: { created: saved.code } });
          }}
        />
      ) : (
        <Skeleton className="h-96 w-full max-w-3xl" />
      )}
    </section>
  );
}
