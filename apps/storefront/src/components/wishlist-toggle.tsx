import { useWishlistToggle } from "../lib/wishlist.ts";

/** The heart on cards and the product page: pressed when saved, described in words for screen readers. */
export function WishlistToggle({
  productId,
  productName,
  variantId,
  className = "",
}: {
  productId: number;
  productName: string;
  variantId?: number | null;
  className?: string;
}) {
  const wishlist = useWishlistToggle();
  const saved = wishlist.isSaved(productId);
  return (
    <button
      type="button"
      aria-pressed={saved}
      aria-label={saved ? `Remove ${productName} from your wishlist` : `Save ${productName} to your wishlist`}
      onClick={() => wishlist.toggle(productId, variantId)}
      className={`inline-flex size-10 items-center justify-center rounded-full border border-line bg-surface text-lg shadow-sm hover:bg-subtle ${className}`}
      data-testid="wishlist-toggle"
    >
      <span aria-hidden="true" className={saved ? "text-red-600" : "text-muted"}>
        {saved ? "♥" : "♡"}
      </span>
    </button>
  );
}
