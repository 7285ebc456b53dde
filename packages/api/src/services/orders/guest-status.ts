import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { mediaUrl } from "../../lib/media.ts";
import { known } from "../../lib/sql.ts";
import { shopperVisible } from "./queries.ts";

// What a lookup by number and email may show: anyone who knows (or guesses) a guest's email and
// an order number sees this much, so no address, payment, email or total, and nothing to act on.
const guestStatusSelect = {
  number: true,
  paymentStatus: true,
  fulfillmentStatus: true,
  state: true,
  placedAt: true,
  shippedAt: true,
  items: {
    select: {
      productName: true,
      variantTitle: true,
      quantity: true,
      imagePath: true,
      product: { select: { slug: true } },
    },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.OrderSelect;

/** A guest order's status and items, or null; orders of an account are never found this way. */
export async function findGuestOrderStatus(
  db: PrismaClient,
  config: Pick<ApiConfig, "mediaBaseUrl">,
  where: { number: number; email: string },
) {
  const row = await db.order.findFirst({
    where: { number: where.number, email: where.email, userId: null, ...shopperVisible },
    select: guestStatusSelect,
  });
  if (!row) return null;
  return known({
    ...row,
    items: row.items.map(({ imagePath, product, ...item }) => ({
      ...item,
      slug: product?.slug ?? null,
      imageUrl: imagePath ? mediaUrl(config, imagePath) : null,
    })),
  });
}
