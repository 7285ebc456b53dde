import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { MAX_LINE_QUANTITY } from "@shop/validators/limits";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { currentPath, track } from "../lib/analytics.ts";
import { useCartData, useSetCart } from "../lib/cart.ts";
import { MiniCart } from "./mini-cart.tsx";

/**
 * Adds the chosen variant (null until every option is picked) to the cart; the server checks
 * stock and answers with the whole, re-priced cart, shown in the mini-cart drawer. On phones,
 * once the button has scrolled away, a bar at the bottom of the screen keeps it at hand.
 */
export function AddToCartButton({
  productId,
  variantId,
  available,
  name,
  price,
}: {
  productId: number;
  variantId: number | null;
  available: boolean;
  name: string;
  /** The chosen variant's price, formatted. */
  price: string;
}) {
  const trpc = useTRPC();
  const setCart = useSetCart();
  const cart = useCartData();
  const [quantity, setQuantity] = useState(1);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess: (next) => {
        setCart(next);
        setDrawerOpen(true);
        track({ type: "ADD_TO_CART", path: currentPath(), productId });
      },
    }),
  );
  const main = useRef<HTMLDivElement>(null);
  const [mainInView, setMainInView] = useState(true);
  useEffect(() => {
    const element = main.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setMainInView(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const ready = variantId !== null && available;
  const label =
    variantId === null ? "Choose options" : !available ? "Out of stock" : add.isPending ? "Adding…" : "Add to cart";
  const submit = () => variantId !== null && add.mutate({ variantId, quantity });
  return (
    <div className="space-y-3">
      <div ref={main} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Quantity</span>
          <select
            value={quantity}
            onChange={(event) => setQuantity(Number(event.target.value))}
            className="mt-1 min-h-10 rounded-md border border-line px-2"
            disabled={!ready}
          >
            {Array.from({ length: MAX_LINE_QUANTITY }, (_, i) => i + 1).map((n) => (
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
          onClick={submit}
        >
          {label}
        </Button>
      </div>
      {add.error && <FormMessage error={plainErrorMessage(add.error)} />}
      {!mainInView && (
        <div
          className="fixed inset-x-0 bottom-0 z-30 flex items-center gap-3 border-t border-line bg-surface p-3 shadow-lg sm:hidden"
          data-testid="sticky-add-to-cart"
        >
          <p className="min-w-0 flex-1 text-sm">
            <span className="block truncate font-medium">{name}</span>
            <span className="tabular-nums">{price}</span>
          </p>
          <Button disabled={!ready || add.isPending} onClick={submit}>
            {label}
          </Button>
        </div>
      )}
      <MiniCart cart={cart} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </div>
  );
}
