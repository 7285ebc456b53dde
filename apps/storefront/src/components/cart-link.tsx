import { Link } from "react-router";
import { useCart } from "../lib/cart.ts";

export function CartLink() {
  const cart = useCart();
  const count = cart.data?.itemCount ?? 0;
  return (
    <Link
      to="/cart"
      className="relative inline-flex items-center gap-1 text-sm hover:underline"
      data-testid="cart-link"
    >
      Cart
      <span
        className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
        aria-label={`${count} items in your cart`}
      >
        {count}
      </span>
    </Link>
  );
}
