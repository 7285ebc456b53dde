import { useWishlistToggle } from "../lib/wishlist.ts";

export type Wishlist = ReturnType<typeof useWishlistToggle>;

type Props = {
  productId: number;
  productName: string;
  variantId?: number | null;
  className?: string;
};

/** The heart on the product page: pressed when saved, described in words for screen readers. */
export function WishlistToggle(props: Props) {
  return <WishlistButton {...props} wishlist={useWishlistToggle()} />;
}

/**
 * The heart itself, for a wishlist state shared by many (a grid of cards asks for it once: its
 * queries and mutations per card cost more to render on the server than the card).
 */
export function WishlistButton({
  productId,
  productName,
  variantId,
  className = "",
  wishlist,
}: Props & { wishlist: Wishlist }) {
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
