import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, TextField } from "@shop/ui";
import { CouponCodeSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useSetCart, type Cart } from "../../lib/cart.ts";

/** Apply or remove a code; the cart says whether it applies, and why not. */
export function CouponField({ cart }: { cart: Cart }) {
  const trpc = useTRPC();
  const setCart = useSetCart();
  const form = useFieldErrors();
  const apply = useMutation(trpc.cart.applyCoupon.mutationOptions({ onSuccess: setCart, onError: form.fromServer }));
  const remove = useMutation(trpc.cart.removeCoupon.mutationOptions({ onSuccess: setCart }));

  if (cart.coupon) {
    return (
      <div className="rounded-md border border-line p-3 text-sm" data-testid="coupon">
        <p>
          Code <strong>{cart.coupon.code}</strong>{" "}
          {cart.coupon.applied
            ? cart.coupon.freeShipping
              ? "gives you free shipping."
              : "is applied."
            : "does not apply."}
        </p>
        {cart.coupon.message && (
          <p role="status" className="mt-1 text-red-700">
            {cart.coupon.message}
          </p>
        )}
        <Button variant="ghost" className="mt-2" onClick={() => remove.mutate()}>
          Remove code
        </Button>
      </div>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(CouponCodeSchema, { code: new FormData(event.currentTarget).get("code") });
    if (input) apply.mutate(input);
  }
  return (
    <form onSubmit={submit} noValidate className="flex items-end gap-2">
      <TextField
        label="Discount code"
        name="code"
        autoComplete="off"
        error={form.errors.code ?? form.errors.form}
        className="flex-1"
      />
      <Button type="submit" variant="secondary" disabled={apply.isPending}>
        Apply
      </Button>
    </form>
  );
}
