import { Button, EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useNavigate } from "react-router";
import { CartLine } from "../components/cart/cart-line.tsx";
import { CouponField } from "../components/cart/coupon-field.tsx";
import { OrderTotals } from "../components/order-totals.tsx";
import { useCart } from "../lib/cart.ts";
import { Link } from "../components/link.tsx";

export function CartPage() {
  const cart = useCart();
  const navigate = useNavigate();
  if (cart.isPending) return <Skeleton className="h-96 w-full" />;
  if (cart.isError) return <ErrorState message="We could not load your cart." onRetry={() => void cart.refetch()} />;
  const { data } = cart;
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title" className="mb-6 text-2xl font-bold">
        Your cart
      </h1>
      {data.items.length === 0 ? (
        <EmptyState title="Your cart is empty">
          <Link to="/" className="font-medium text-brand-700 underline">
            Continue shopping
          </Link>
        </EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
          <ul className="divide-y divide-line">
            {data.items.map((line) => (
              <CartLine key={line.id} line={line} currency={data.currency} />
            ))}
          </ul>
          <aside className="space-y-4 rounded-lg border border-line p-4 lg:self-start" aria-label="Summary">
            <CouponField cart={data} />
            <OrderTotals
              totals={data}
              currency={data.currency}
              couponCode={data.coupon?.applied ? data.coupon.code : null}
            />
            <Button className="w-full" disabled={!data.canCheckout} onClick={() => void navigate("/checkout")}>
              Check out
            </Button>
            {!data.canCheckout && <p className="text-sm text-muted">Resolve the items marked above to check out.</p>}
          </aside>
        </div>
      )}
    </section>
  );
}
