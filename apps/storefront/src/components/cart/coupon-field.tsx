import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, TextField } from "@shop/ui";
import { CouponCodeSchema } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type KeyboardEvent } from "react";
import { useSetCart, type Cart } from "../../lib/cart.ts";

/**
 * Apply or remove a code, in the cart and in the checkout's summary alike; the cart says
 * whether it applies and why not. Not a <form> of its own: the checkout's summary sits beside
 * the details form, and a code is applied with its button or Enter.
 */
export function CouponField({ cart, serverError }: { cart: Cart; serverError?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setCart = useSetCart();
  const form = useFieldErrors();
  const [code, setCode] = useState("");
  const changed = async (next: Cart) => {
    setCart(next);
    setCode("");
    // The checkout's totals depend on the code.
    await queryClient.invalidateQueries({ queryKey: trpc.checkout.quote.pathKey() });
  };
  const apply = useMutation(trpc.cart.applyCoupon.mutationOptions({ onSuccess: changed, onError: form.fromServer }));
  const remove = useMutation(trpc.cart.removeCoupon.mutationOptions({ onSuccess: changed, onError: form.fromServer }));

  if (cart.coupon) {
    const message = serverError ?? cart.coupon.message;
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
        {message && (
          <p role="status" className="mt-1 text-red-700">
            {message}
          </p>
        )}
        <Button variant="ghost" className="mt-2" onClick={() => remove.mutate()} disabled={remove.isPending}>
          Remove code<span className="sr-only"> {cart.coupon.code}</span>
        </Button>
        {form.errors.form && (
          <p role="alert" className="mt-1 text-red-700">
            {form.errors.form}
          </p>
        )}
      </div>
    );
  }
  function submit() {
    const input = form.validate(CouponCodeSchema, { code });
    if (input) apply.mutate(input);
  }
  return (
    <div className="flex items-start gap-2">
      <TextField
        label="Discount code"
        name="code"
        autoComplete="off"
        value={code}
        onChange={(event) => {
          setCode(event.target.value);
          form.clearField("code");
        }}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          submit();
        }}
        error={form.errors.code ?? form.errors.form}
        className="flex-1"
      />
      <Button type="button" variant="secondary" className="mt-6" disabled={apply.isPending} onClick={submit}>
        Apply
      </Button>
    </div>
  );
}
