import type { RouterOutputs } from "@shop/api";
import type {
  AggregateOffer,
  BreadcrumbList,
  ItemAvailability,
  Offer,
  Organization,
  Product,
  Review,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from "schema-dts";
import { currencyDigits } from "@shop/ui";
import { SHOP_DESCRIPTION, SHOP_NAME } from "./site.tsx";

// JSON-LD for Google's rich results, typed by schema-dts (schema.org's vocabulary). What each
// property must hold is checked in e2e/support/rich-results.ts, written from Google's documented
// required and recommended properties for product snippets, breadcrumbs and sitelinks search.

type ProductData = RouterOutputs["catalog"]["get"];
type ReviewData = RouterOutputs["reviews"]["list"]["items"][number];
type Absolute = (path: string) => string;

/** Minor units as the decimal text schema.org asks for ("19.99"), without floating point. */
export function decimalPrice(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const scale = 10 ** digits;
  return `${Math.floor(minor / scale)}.${String(minor % scale).padStart(digits, "0")}`;
}

const availability = (available: boolean): ItemAvailability =>
  available ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";

/** One offer per variant; several variants become an AggregateOffer (lowest and highest price) listing them. */
function offers(product: ProductData, url: string): Offer | AggregateOffer {
  const each: Offer[] = product.variants.map((variant) => ({
    "@type": "Offer",
    sku: variant.sku,
    price: decimalPrice(variant.price, product.currency),
    priceCurrency: product.currency,
    availability: availability(variant.available),
    itemCondition: "https://schema.org/NewCondition",
    url,
  }));
  const [only] = each;
  if (only && each.length === 1) return only;
  return {
    "@type": "AggregateOffer",
    lowPrice: decimalPrice(product.priceMin, product.currency),
    highPrice: decimalPrice(product.priceMax, product.currency),
    priceCurrency: product.currency,
    offerCount: each.length,
    availability: availability(product.variants.some((variant) => variant.available)),
    offers: each,
  };
}

export function productStructuredData(
  product: ProductData,
  reviews: readonly ReviewData[],
  absolute: Absolute,
): WithContext<Product> {
  const url = absolute(`/p/${product.slug}`);
  const [firstVariant] = product.variants;
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    url,
    description: product.seoDescription ?? product.description,
    image: product.images.map((image) => absolute(image.url)),
    ...(firstVariant && product.variants.length === 1 && { sku: firstVariant.sku }),
    ...(product.brand && { brand: { "@type": "Brand", name: product.brand.name } }),
    ...(product.variants.length > 0 && { offers: offers(product, url) }),
    ...(product.rating.count > 0 && {
      aggregateRating: {
        "@type": "AggregateRating",
        ratingValue: Number(product.rating.average.toFixed(2)),
        reviewCount: product.rating.count,
        bestRating: 5,
        worstRating: 1,
      },
    }),
    ...(reviews.length > 0 && {
      review: reviews.map((review): Review => ({
        "@type": "Review",
        name: review.title,
        reviewBody: review.body,
        datePublished: review.createdAt.toISOString().slice(0, 10),
        author: { "@type": "Person", name: review.author },
        reviewRating: { "@type": "Rating", ratingValue: review.rating, bestRating: 5, worstRating: 1 },
      })),
    }),
  };
}

/** Home › categories (› the product): every crumb but the page itself links to its page. */
export function breadcrumbStructuredData(
  crumbs: ReadonlyArray<{ name: string; path: string }>,
  absolute: Absolute,
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [{ name: "Home", path: "/" }, ...crumbs].map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absolute(crumb.path),
    })),
  };
}

export function shopStructuredData(absolute: Absolute): [WithContext<Organization>, WithContext<WebSite>] {
  const home = absolute("/");
  const search: WithActionConstraints<SearchAction> = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absolute("/search")}?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return [
    {
      "@context": "https://schema.org",
      "@type": "Organization",
      name: SHOP_NAME,
      url: home,
      logo: absolute("/favicon.svg"),
      description: SHOP_DESCRIPTION,
    },
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: SHOP_NAME,
      url: home,
      potentialAction: search,
    },
  ];
}
