import { useTRPC } from "@shop/client";
import { EmptyState, ErrorState, formatMoney, PriceRange, ResponsiveImage, Skeleton, usePageMeta } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { AddToCartButton } from "../components/add-to-cart.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { RatingSummary } from "../components/rating-summary.tsx";
import { ReviewsSection } from "../components/reviews/reviews-section.tsx";
import { Stars } from "../components/stars.tsx";
import { WishlistToggle } from "../components/wishlist-toggle.tsx";
import { findVariant, VariantPicker } from "../components/variant-picker.tsx";
import { currentPath, track } from "../lib/analytics.ts";

export function ProductPage() {
  const trpc = useTRPC();
  const { slug = "" } = useParams();
  const product = useQuery(trpc.catalog.get.queryOptions({ slug }));
  const [chosen, setChosen] = useState<Array<number | undefined>>([]);
  const [imageIndex, setImageIndex] = useState(0);
  const data = product.data;
  // The product's SEO fields when staff filled them in, else its name and description.
  usePageMeta(
    data ? (data.seoTitle ?? `${data.name} · Shop`) : undefined,
    data ? (data.seoDescription ?? data.description.slice(0, 160)) : undefined,
  );

  // Start on the first available variant, so the page shows a real price and stock state.
  useEffect(() => {
    if (!data) return;
    const start = data.variants.find((variant) => variant.available) ?? data.variants[0];
    setChosen(
      data.options.map((option) => option.values.find((value) => start?.optionValueIds.includes(value.id))?.id),
    );
    setImageIndex(0);
  }, [data]);

  const productId = data?.id;
  useEffect(() => {
    if (productId !== undefined) track({ type: "PRODUCT_VIEW", path: currentPath(), productId });
  }, [productId]);

  if (product.isError) {
    if (product.error.data?.code === "NOT_FOUND")
      return (
        <EmptyState title="Product not found">
          <Link to="/" className="underline">
            Back to the shop
          </Link>
        </EmptyState>
      );
    return <ErrorState message="We could not load this product." onRetry={() => void product.refetch()} />;
  }
  if (!data) return <Skeleton className="h-[32rem] w-full" />;

  const variant = findVariant(data, chosen);
  const variantImage = variant ? data.images.findIndex((image) => image.variantId === variant.id) : -1;
  const image = data.images[imageIndex] ?? data.images[0];
  // Staff may leave an image's alt text empty; say what it shows: the product and its variant.
  const altFor = (picture: { alt: string; variantId: number | null }) => {
    const shown = data.variants.find((candidate) => candidate.id === picture.variantId);
    const values = shown
      ? data.options.flatMap((option) =>
          option.values.filter((value) => shown.optionValueIds.includes(value.id)).map((value) => value.value),
        )
      : [];
    return picture.alt || [data.name, values.join(", ")].filter(Boolean).join(" – ");
  };

  return (
    <article>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to="/" className="hover:underline">
              Home
            </Link>{" "}
            /
          </li>
          {data.breadcrumb.map((crumb) => (
            <li key={crumb.slug}>
              <Link to={`/c/${crumb.slug}`} className="hover:underline">
                {crumb.name}
              </Link>{" "}
              /
            </li>
          ))}
        </ol>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <div>
          {image && (
            <ResponsiveImage
              image={image}
              alt={altFor(image)}
              sizes="(min-width: 1280px) 608px, (min-width: 768px) 50vw, 100vw"
              fetchPriority="high"
              className="aspect-square w-full rounded-lg bg-subtle object-contain"
              data-testid="gallery-main"
            />
          )}
          {data.images.length > 1 && (
            <ul className="mt-3 flex gap-2 overflow-x-auto" aria-label="More pictures">
              {data.images.map((thumb, index) => (
                <li key={thumb.id}>
                  <button
                    type="button"
                    onClick={() => setImageIndex(index)}
                    aria-label={`Show picture ${index + 1}`}
                    aria-pressed={index === imageIndex}
                    className={`rounded border-2 ${index === imageIndex ? "border-brand-600" : "border-transparent"}`}
                  >
                    <ResponsiveImage
                      image={thumb}
                      alt=""
                      sizes="64px"
                      loading="lazy"
                      className="size-16 rounded bg-subtle object-cover"
                    />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-col gap-5">
          <div>
            {data.brand && (
              <Link
                to={`/search?brand=${data.brand.slug}`}
                className="text-sm uppercase tracking-wide text-muted hover:underline"
              >
                {data.brand.name}
              </Link>
            )}
            <div className="flex items-start justify-between gap-3">
              <h1 className="text-2xl font-bold sm:text-3xl">{data.name}</h1>
              <WishlistToggle productId={data.id} productName={data.name} variantId={variant?.id ?? null} />
            </div>
            {data.rating.count > 0 && (
              <a href="#reviews">
                <Stars average={data.rating.average} count={data.rating.count} />
              </a>
            )}
          </div>
          <p className="text-2xl font-semibold" data-testid="price">
            {variant ? (
              formatMoney(variant.price, data.currency)
            ) : (
              <PriceRange min={data.priceMin} max={data.priceMax} currency={data.currency} />
            )}
            {variant?.compareAtPrice && (
              <>
                <span className="sr-only"> was </span>
                <s className="ml-3 text-base font-normal text-muted">
                  {formatMoney(variant.compareAtPrice, data.currency)}
                </s>
              </>
            )}
          </p>
          <VariantPicker
            product={data}
            chosen={chosen}
            onChoose={(axis, valueId) => {
              const next = chosen.map((id, i) => (i === axis ? valueId : id));
              setChosen(next);
              const match = findVariant(data, next);
              const picture = match ? data.images.findIndex((img) => img.variantId === match.id) : -1;
              if (picture >= 0) setImageIndex(picture);
              else if (variantImage >= 0) setImageIndex(0);
            }}
          />
          <p className="text-sm font-medium" data-testid="stock-state">
            {!variant ? (
              data.variants.length ? (
                "This combination is not offered"
              ) : (
                ""
              )
            ) : !variant.available ? (
              <span className="text-red-700">Out of stock</span>
            ) : variant.lowStock ? (
              <span className="text-amber-700">Only {variant.lowStock} left</span>
            ) : (
              <span className="text-green-700">In stock</span>
            )}
          </p>
          <AddToCartButton
            productId={data.id}
            variantId={variant?.id ?? null}
            available={variant?.available ?? false}
          />
          {data.description && <p className="leading-relaxed text-muted">{data.description}</p>}
        </div>
      </div>
      <RatingSummary rating={data.rating}>
        <ReviewsSection productId={data.id} />
      </RatingSummary>
      {data.related.length > 0 && (
        <section aria-labelledby="related" className="mt-12">
          <h2 id="related" className="mb-4 text-xl font-bold">
            You may also like
          </h2>
          <ProductGrid products={data.related.slice(0, 4)} />
        </section>
      )}
    </article>
  );
}
