import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { ErrorState, formatMoney, PriceRange, ResponsiveImage, Skeleton } from "@shop/ui";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Navigate, useLocation, useParams } from "react-router";
import { AddToCartButton } from "../components/add-to-cart.tsx";
import { PageHead } from "../components/page-head.tsx";
import { ProductGone } from "../components/product-gone.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { RatingSummary } from "../components/rating-summary.tsx";
import { ReviewsSection } from "../components/reviews/reviews-section.tsx";
import { Stars } from "../components/stars.tsx";
import { WishlistToggle } from "../components/wishlist-toggle.tsx";
import { findVariant, VariantPicker } from "../components/variant-picker.tsx";
import { currentPath, track } from "../lib/analytics.ts";
import { reviewsQuery } from "../lib/queries.ts";
import { useAbsoluteUrl } from "../lib/site.tsx";
import { breadcrumbStructuredData, productStructuredData } from "../lib/structured-data.ts";
import { NotFoundPage } from "./not-found.tsx";
import { Link } from "../components/link.tsx";

type Product = RouterOutputs["catalog"]["get"];

/** The first available variant's options, so the page starts on a real price and stock state. */
function startingChoice(product: Product): Array<number | undefined> {
  const start = product.variants.find((variant) => variant.available) ?? product.variants[0];
  return product.options.map((option) => option.values.find((value) => start?.optionValueIds.includes(value.id))?.id);
}

function firstReviewsFollowed(productId: number) {
  const trpc = useTRPC();
  return useInfiniteQuery({ ...reviewsQuery({ trpc }, productId), enabled: false }).data?.pages[0]?.items ?? [];
}

function firstReviewsFromCache(productId: number) {
  const trpc = useTRPC();
  return useQueryClient().getQueryData(reviewsQuery({ trpc }, productId).queryKey)?.pages[0]?.items ?? [];
}

/**
 * The newest reviews, as the page shows them first. The server reads them from the cache its
 * loader filled (a page is rendered once: nothing to follow, so no observer); the browser follows
 * them, so the structured data catches up with a list fetched after a client-side navigation.
 * Both read the same cache on the first render, so hydration matches.
 */
const useFirstReviews = import.meta.env.SSR ? firstReviewsFromCache : firstReviewsFollowed;

/** Title, description, canonical URL, social cards and structured data (the SEO fields when staff set them). */
function ProductHead({ product }: { product: Product }) {
  const absolute = useAbsoluteUrl();
  const reviews = useFirstReviews(product.id);
  const image = product.images[0];
  return (
    <PageHead
      title={product.name}
      fullTitle={product.seoTitle}
      description={product.seoDescription ?? product.description.slice(0, 160)}
      canonical={`/p/${product.slug}`}
      type="product"
      image={image ? { url: image.url, width: image.width, height: image.height, alt: image.alt } : null}
      structuredData={[
        productStructuredData(product, reviews, absolute),
        breadcrumbStructuredData(
          [
            ...product.breadcrumb.map((crumb) => ({ name: crumb.name, path: `/c/${crumb.slug}` })),
            { name: product.name, path: `/p/${product.slug}` },
          ],
          absolute,
        ),
      ]}
    />
  );
}

export function ProductPage() {
  const trpc = useTRPC();
  const { slug = "" } = useParams();
  const { search } = useLocation();
  const product = useQuery(trpc.catalog.get.queryOptions({ slug }));
  const data = product.data;
  // The shopper's choice, for the product it was made on; until then the starting variant.
  const [choice, setChoice] = useState<{ productId: number; values: Array<number | undefined> } | null>(null);
  const [shown, setShown] = useState<{ productId: number; index: number } | null>(null);
  const chosen = data && choice?.productId === data.id ? choice.values : data ? startingChoice(data) : [];
  const imageIndex = data && shown?.productId === data.id ? shown.index : 0;
  const setChosen = (values: Array<number | undefined>) => data && setChoice({ productId: data.id, values });
  const setImageIndex = (index: number) => data && setShown({ productId: data.id, index });

  const productId = data?.id;
  useEffect(() => {
    if (productId !== undefined) track({ type: "PRODUCT_VIEW", path: currentPath(), productId });
  }, [productId]);

  if (product.isError) {
    // The same answers the server gives with 301, 410 and 404 (src/lib/loaders.ts).
    const details = product.error.data?.details;
    if (product.error.data?.code !== "NOT_FOUND")
      return <ErrorState message="We could not load this product." onRetry={() => void product.refetch()} />;
    if (typeof details?.movedTo === "string") return <Navigate to={`/p/${details.movedTo}${search}`} replace />;
    if (details?.archived === true && typeof details.name === "string")
      return (
        <ProductGone
          name={details.name}
          categorySlug={typeof details.categorySlug === "string" ? details.categorySlug : undefined}
          categoryName={typeof details.categoryName === "string" ? details.categoryName : undefined}
        />
      );
    return <NotFoundPage />;
  }
  if (!data) return <Skeleton className="h-[32rem] w-full" />;

  const variant = findVariant(data, chosen);
  const variantImage = variant ? data.images.findIndex((image) => image.variantIds.includes(variant.id)) : -1;
  const image = data.images[imageIndex] ?? data.images[0];
  // Staff may leave an image's alt text empty; say what it shows: the product and its variant.
  const altFor = (picture: { alt: string; variantIds: number[] }) => {
    const shown = data.variants.find((candidate) => candidate.id === picture.variantIds[0]);
    const values = shown
      ? data.options.flatMap((option) =>
          option.values.filter((value) => shown.optionValueIds.includes(value.id)).map((value) => value.value),
        )
      : [];
    return picture.alt || [data.name, values.join(", ")].filter(Boolean).join(" – ");
  };

  return (
    <article>
      <ProductHead product={data} />
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
                to={`/brands/${data.brand.slug}`}
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
              const picture = match ? data.images.findIndex((img) => img.variantIds.includes(match.id)) : -1;
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
            name={data.name}
            price={variant ? formatMoney(variant.price, data.currency) : ""}
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
