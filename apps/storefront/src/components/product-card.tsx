import type { RouterOutputs } from "@shop/api";
import { PriceRange } from "@shop/ui";

type ProductCard = RouterOutputs["catalog"]["list"]["items"][number];

export function ProductCardView({ product }: { product: ProductCard }) {
  return (
    <article className="group flex flex-col overflow-hidden rounded-lg border border-line bg-surface">
      {product.image ? (
        <img
          src={product.image.url}
          alt={product.image.alt || product.name}
          width={product.image.width}
          height={product.image.height}
          loading="lazy"
          decoding="async"
          className="aspect-square w-full bg-subtle object-cover"
        />
      ) : (
        <div className="aspect-square w-full bg-subtle" />
      )}
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && <p className="text-xs uppercase tracking-wide text-muted">{product.brand.name}</p>}
        <h3 className="text-sm font-medium">{product.name}</h3>
        <p className="mt-auto pt-2 font-semibold">
          <PriceRange min={product.price.min} max={product.price.max} currency={product.price.currency} />
        </p>
        {!product.inStock && <p className="text-xs font-medium text-red-700">Out of stock</p>}
      </div>
    </article>
  );
}
