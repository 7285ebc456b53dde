import type { RouterOutputs } from "@shop/api";
import { PriceRange, Skeleton } from "@shop/ui";
import { Link } from "react-router";
import { Stars } from "./stars.tsx";
import { WishlistToggle } from "./wishlist-toggle.tsx";

export type ProductCard = RouterOutputs["catalog"]["list"]["items"][number];

export function ProductCardView({ product }: { product: ProductCard }) {
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-lg border border-line bg-surface">
      {product.image ? (
        <img
          src={product.image.url}
          alt={product.image.alt || product.name}
          width={product.image.width}
          height={product.image.height}
          loading="lazy"
          decoding="async"
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
          className="aspect-square w-full bg-subtle object-cover"
        />
      ) : (
        <div className="aspect-square w-full bg-subtle" />
      )}
      <WishlistToggle productId={product.id} productName={product.name} className="absolute right-2 top-2 z-10" />
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && <p className="text-xs uppercase tracking-wide text-muted">{product.brand.name}</p>}
        <h3 className="text-sm font-medium">
          <Link to={`/p/${product.slug}`} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-600">
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

export function ProductGrid({ products, loading = false, skeletons = 8 }: { products: ProductCard[]; loading?: boolean; skeletons?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4" aria-busy={loading}>
      {loading
        ? Array.from({ length: skeletons }, (_, i) => (
            <li key={i}>
              <Skeleton className="aspect-[3/4] w-full" />
            </li>
          ))
        : products.map((product) => (
            <li key={product.id} data-testid="product-card">
              <ProductCardView product={product} />
            </li>
          ))}
    </ul>
  );
}
