import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import type { ApiConfig } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { mediaUrl } from "../../lib/media.ts";
import { readRows } from "../../lib/sql.ts";
import { productDetailSelect } from "../../selects/product-detail.ts";
import { cardQuery, queryCards, toCard } from "./cards.ts";

/** Below this many units a shopper is told how many are left. */
const LOW_STOCK = 5;

const Crumb = z.array(z.object({ slug: z.string(), name: z.string() }));

/**
 * An active product by slug with everything its page shows: three queries (the product with
 * its variants, options and images; the category breadcrumb; related products).
 */
export async function getProduct(db: PrismaClient, config: ApiConfig, slug: string) {
  const product = await db.product.findFirst({
    where: { slug, status: "ACTIVE" },
    select: productDetailSelect,
    relationLoadStrategy: "join",
  });
  if (!product) throw new AppError("NOT_FOUND", "This product is not available");

  const [breadcrumb, related] = await Promise.all([
    product.categoryId === null
      ? Promise.resolve([])
      : readRows(db, Prisma.sql`
          WITH RECURSIVE up AS (
            SELECT c."id", c."parentId", c."slug", c."name", 0 AS "depth" FROM "Category" c WHERE c."id" = ${product.categoryId}
            UNION ALL
            SELECT c."id", c."parentId", c."slug", c."name", up."depth" + 1 FROM "Category" c JOIN up ON c."id" = up."parentId"
             WHERE up."depth" < 20
          ) SELECT "slug", "name" FROM up ORDER BY "depth" DESC`).then((rows) => Crumb.parse(rows)),
    product.categoryId === null
      ? Promise.resolve([])
      : queryCards(
          db,
          cardQuery({
            where: Prisma.sql`p."status" = 'ACTIVE' AND p."categoryId" = ${product.categoryId} AND p."id" <> ${product.id}`,
            order: Prisma.sql`p."unitsSold" DESC, p."id" ASC`,
            limit: 8,
          }),
        ),
  ]);

  const { rating, variants, images, categoryId: _categoryId, ...rest } = product;
  return {
    ...rest,
    currency: config.currency,
    breadcrumb,
    images: images.map((image) => ({
      id: image.id,
      url: mediaUrl(config, image.path),
      alt: image.alt || product.name,
      width: image.width,
      height: image.height,
      variantId: image.variantId,
    })),
    variants: variants.map(({ stockOnHand, reserved, optionValues, ...variant }) => {
      const available = Math.max(0, stockOnHand - reserved);
      return {
        ...variant,
        optionValueIds: optionValues.map((value) => value.optionValueId),
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
  };
}
