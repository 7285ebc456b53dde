import type { RouterOutputs } from "@shop/api";
import type { ReactNode } from "react";
import { CouponField } from "../../components/cart/coupon-field.tsx";
import { SummaryLines } from "../../components/checkout/summary-lines.tsx";
import { OrderTotals } from "../../components/order-totals.tsx";
import type { Cart } from "../../lib/cart.ts";

type Quote = RouterOutputs["checkout"]["quote"];

/**
 * The checkout's order summary: the lines, the discount code (remove it, or apply another,
 * right here) and the totals priced by the server for the chosen destination and method.
 */
export function CheckoutSummary({
  cart,
  quote,
  couponError,
  children,
}: {
  cart: Cart;
  quote: Quote | null;
  couponError?: string;
  children: ReactNode;
}) {
  const lines = cart.items.map((item) => ({
    id: item.id,
    name: item.name,
    variantTitle: item.variantTitle,
    quantity: item.quantity,
    image: item.image,
    total: item.lineTotal,
  }));
  return (
    <aside className="space-y-4 rounded-lg border border-line p-4 lg:self-start" aria-labelledby="summary-title">
      <h2 id="summary-title" className="font-semibold">
        Order summary
      </h2>
      <SummaryLines lines={lines} currency={cart.currency} />
      <CouponField cart={cart} serverError={couponError} />
      {quote && (
        <OrderTotals
          totals={quote}
          currency={quote.currency}
          couponCode={cart.coupon?.applied ? cart.coupon.code : null}
        />
      )}
      {quote?.taxName && <p className="text-xs text-muted">Tax: {quote.taxName}</p>}
      {children}
    </aside>
  );
}
