import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { PriceRange, ResponsiveImage, Skeleton } from "@shop/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Stars } from "./stars.tsx";
import { useWishlistToggle } from "../lib/wishlist.ts";
import { WishlistButton, type Wishlist } from "./wishlist-toggle.tsx";
import { Link } from "./link.tsx";

export type ProductCard = RouterOutputs["catalog"]["list"]["items"][number];

/** How wide a card's picture is drawn in the grid below (2, 3 or 4 columns). */
const CARD_IMAGE_SIZES = "(min-width: 1280px) 300px, (min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw";

/** `eager` for cards likely above the fold: they load at once instead of when scrolled to. */
export function ProductCardView({
  product,
  eager = false,
  wishlist,
  prefetch: prefetchProduct,
}: {
  product: ProductCard;
  eager?: boolean;
  wishlist: Wishlist;
  prefetch: (slug: string) => void;
}) {
  const prefetch = () => prefetchProduct(product.slug);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-lg border border-line bg-surface">
      {product.image ? (
        <ResponsiveImage
          image={product.image}
          alt={product.image.alt || product.name}
          sizes={CARD_IMAGE_SIZES}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          decoding="async"
          className="aspect-square w-full bg-subtle object-cover"
        />
      ) : (
        <div className="aspect-square w-full bg-subtle" />
      )}
      <WishlistButton
        productId={product.id}
        productName={product.name}
        wishlist={wishlist}
        className="absolute right-2 top-2 z-10"
      />
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && <p className="text-xs uppercase tracking-wide text-muted">{product.brand.name}</p>}
        <h3 className="text-sm font-medium">
          <Link
            to={`/p/${product.slug}`}
            onMouseEnter={prefetch}
            onFocus={prefetch}
            onTouchStart={prefetch}
            className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-700"
          >
            {product.name}
          </Link>
        </h3>
        {product.rating && <Stars average={product.rating.average} count={product.rating.count} />}
        <p className="mt-auto pt-2 font-semibold">
          <PriceRange min={product.price.min} max={product.price.max} currency={product.price.currency} />
        </p>
        {!product.inStock && <p className="text-xs font-medium text-red-700">Out of stock</p>}
      </div>
    </article>
  );
}

/** A card's shape while it loads: the same boxes and line heights, so nothing moves when it arrives. */
function ProductCardSkeleton() {
  return (
    <div className="flex h-full flex-col overflow-hidden rounded-lg border border-line" aria-hidden="true">
      <Skeleton className="aspect-square w-full rounded-none" />
      <div className="flex flex-col gap-1 p-3">
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-1/2" />
        <Skeleton className="mt-2 h-6 w-2/5" />
      </div>
    </div>
  );
}

export function ProductGrid({
  products,
  loading = false,
  skeletons = 8,
  eager = 0,
}: {
  products: ProductCard[];
  loading?: boolean;
  skeletons?: number;
  /** How many leading cards are above the fold. */
  eager?: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const wishlist = useWishlistToggle();
  // On hover, focus or touch the shopper is likely to open the product: fetch its data and code
  // now, so the page usually renders from cache when they do.
  const prefetch = (slug: string) => {
    void queryClient.prefetchQuery(trpc.catalog.get.queryOptions({ slug }));
    void import("../pages/product.tsx");
  };
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4" aria-busy={loading}>
      {loading
        ? Array.from({ length: skeletons }, (_, i) => (
            <li key={i}>
              <ProductCardSkeleton />
            </li>
          ))
        : products.map((product, index) => (
            <li key={product.id} data-testid="product-card">
              <ProductCardView product={product} eager={index < eager} wishlist={wishlist} prefetch={prefetch} />
            </li>
          ))}
    </ul>
  );
}
