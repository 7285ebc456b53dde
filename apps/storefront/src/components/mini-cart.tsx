import { Drawer, formatCountOf, formatMoney } from "@shop/ui";
import type { Cart } from "../lib/cart.ts";
import { SummaryLines } from "./checkout/summary-lines.tsx";
import { Link } from "./link.tsx";

/**
 * After an add to cart: the cart slides in from the right with what was added, the subtotal
 * and the way on (check out, the cart, or back to shopping), without leaving the page.
 */
export function MiniCart({ cart, open, onClose }: { cart: Cart | undefined; open: boolean; onClose: () => void }) {
  const lines = (cart?.items ?? []).map((item) => ({
    id: item.id,
    name: item.name,
    variantTitle: item.variantTitle,
    quantity: item.quantity,
    image: item.image,
    total: item.lineTotal,
  }));
  return (
    <Drawer open={open} onClose={onClose} title="Your cart" side="right">
      <div className="space-y-4" data-testid="mini-cart">
        <p role="status" className="text-sm text-green-800">
          Added to your cart.
        </p>
        {cart && (
          <>
            <SummaryLines lines={lines} currency={cart.currency} />
            <p className="flex justify-between border-t border-line pt-3 font-semibold">
              <span>Subtotal ({formatCountOf(cart.itemCount, "item")})</span>
              <span className="tabular-nums">{formatMoney(cart.subtotal, cart.currency)}</span>
            </p>
          </>
        )}
        <div className="grid gap-2">
          <Link
            to="/checkout"
            onClick={onClose}
            className="inline-flex min-h-10 items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            Check out
          </Link>
          <Link
            to="/cart"
            onClick={onClose}
            className="inline-flex min-h-10 items-center justify-center rounded-md border border-line px-4 text-sm font-medium hover:bg-subtle focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            View cart
          </Link>
          <button
            type="button"
            onClick={onClose}
            className="min-h-10 rounded-md px-4 text-sm font-medium hover:bg-subtle focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            Continue shopping
          </button>
        </div>
      </div>
    </Drawer>
  );
}
