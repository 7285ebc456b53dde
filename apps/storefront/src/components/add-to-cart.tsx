import { isClientError, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { currentPath, track } from "../lib/analytics.ts";
import { useSetCart } from "../lib/cart.ts";

/**
 * Adds the chosen variant (null until every option is picked) to the cart; the server checks
 * stock and answers with the whole, re-priced cart.
 */
export function AddToCartButton({
  productId,
  variantId,
  available,
}: {
  productId: number;
  variantId: number | null;
  available: boolean;
}) {
  const trpc = useTRPC();
  const setCart = useSetCart();
  const [quantity, setQuantity] = useState(1);
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess: (cart) => {
        setCart(cart);
        track({ type: "ADD_TO_CART", path: currentPath(), productId });
      },
    }),
  );
  const ready = variantId !== null && available;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Quantity</span>
          <select
            value={quantity}
            onChange={(event) => setQuantity(Number(event.target.value))}
            className="mt-1 min-h-10 rounded-md border border-line px-2"
            disabled={!ready}
          >
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Button
          className="w-full sm:w-auto"
          disabled={!ready || add.isPending}
          data-testid="add-to-cart"
          onClick={() => variantId !== null && add.mutate({ variantId, quantity })}
        >
          {variantId === null
            ? "Choose options"
            : !available
              ? "Out of stock"
              : add.isPending
                ? "Adding…"
                : "Add to cart"}
        </Button>
      </div>
      {add.isSuccess && (
        <p role="status" className="text-sm text-green-800">
          Added to your cart.{" "}
          <Link to="/cart" className="font-medium underline">
            View cart
          </Link>
        </p>
      )}
      {isClientError(add.error) && <FormMessage error={add.error.message} />}
    </div>
  );
}
