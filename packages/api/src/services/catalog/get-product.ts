import type { PrismaClient } from "@shop/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { responsiveImage } from "../../lib/media.ts";
import { known, prepared, read } from "../../lib/sql.ts";
import { cardQuery, toCard } from "./cards.ts";
import { eb } from "./filters.ts";
import { productQuery, relatedWhere } from "./product-query.ts";

/**
 * Why a slug has no live product, for the storefront's status code: renamed (its history knows the
 * current slug: 301), archived (410, with its category as the way on), or unknown or never
 * published (404; a draft's existence is not revealed).
 */
async function notFound(db: PrismaClient, slug: string): Promise<AppError> {
  const product = await db.product.findFirst({
    where: { OR: [{ slug }, { slugHistory: { some: { slug } } }], status: { in: ["ACTIVE", "ARCHIVED"] } },
    select: { slug: true, status: true, name: true, category: { select: { slug: true, name: true } } },
  });
  if (product?.status === "ACTIVE" && product.slug !== slug)
    return new AppError("NOT_FOUND", "This product has moved", { movedTo: product.slug });
  if (product?.status === "ARCHIVED")
    return new AppError("NOT_FOUND", "This product is no longer sold", {
      archived: true,
      name: product.name,
      ...(product.category && { categorySlug: product.category.slug, categoryName: product.category.name }),
    });
  return new AppError("NOT_FOUND", "This product is not available");
}

const productPage = prepared({ slug: "\0slug" }, ({ slug }) => productQuery(slug));
const relatedCards = prepared({ slug: "\0slug" }, ({ slug }) =>
  cardQuery({ where: relatedWhere(slug), order: sql`${eb.ref("p.unitsSold")} DESC, ${eb.ref("p.id")} ASC`, limit: 8 }),
);

/** Below this many units a shopper is told how many are left. */
const LOW_STOCK = 5;

/**
 * An active product by slug with everything its page shows: two queries, run together (the
 * product with options, variants, images, rating and breadcrumb; related products).
 */
export async function getProduct(db: PrismaClient, config: ApiConfig, slug: string) {
  const [rows, related] = await Promise.all([read(db, productPage({ slug })), read(db, relatedCards({ slug }))]);
  const product = rows[0];
  if (!product) throw await notFound(db, slug);

  const { rating, variants, images, brandName, brandSlug, ...rest } = product;
  return known({
    ...rest,
    brand: brandName !== null && brandSlug !== null ? { name: brandName, slug: brandSlug } : null,
    currency: config.currency,
    images: images.map((image) => ({
      id: image.id,
      alt: image.alt || product.name,
      ...responsiveImage(config, { ...image, widths: image.widths ?? [] }),
      variantIds: image.variantIds,
    })),
    variants: variants.map(({ stockOnHand, reserved, ...variant }) => {
      const available = Math.max(0, stockOnHand - reserved);
      return {
        ...variant,
        available: available > 0,
        // Exact stock is only shown when it is low enough to matter to the shopper.
        lowStock: available > 0 && available <= LOW_STOCK ? available : null,
      };
    }),
    rating: rating
      ? {
          average: rating.average,
          count: rating.count,
          distribution: { 5: rating.star5, 4: rating.star4, 3: rating.star3, 2: rating.star2, 1: rating.star1 },
        }
      : { average: 0, count: 0, distribution: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 } },
    related: related.map((row) => toCard(config, row)),
  });
}
