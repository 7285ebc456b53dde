import { useCartData } from "../lib/cart.ts";
import { Link } from "./link.tsx";

export function CartLink() {
  const count = useCartData()?.itemCount ?? 0;
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
