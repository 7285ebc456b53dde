import type { Prisma } from "@shop/db";
import { AppError } from "../../../errors.ts";

/**
 * The URL handle and SKUs a product takes must be free: said before writing, in words and on the
 * field (`slug`, `variants.2.sku`), rather than as a bare unique violation. The database's unique
 * indexes still decide a race between two saves.
 */
export async function assertFreeHandles(
  tx: Prisma.TransactionClient,
  input: { slug: string; variants: readonly { sku: string }[] },
  productId?: number,
) {
  const others = productId === undefined ? {} : { not: productId };
  const slugOwner = await tx.product.findFirst({ where: { slug: input.slug, id: others }, select: { id: true } });
  if (slugOwner)
    throw new AppError("CONFLICT", `Another product already uses the URL handle “${input.slug}”, choose another`, {
      field: "slug",
    });
  const taken = await tx.variant.findFirst({
    where: { sku: { in: input.variants.map((variant) => variant.sku) }, productId: others },
    select: { sku: true },
  });
  if (taken) {
    const index = input.variants.findIndex((variant) => variant.sku === taken.sku);
    throw new AppError("CONFLICT", `Another product already uses the SKU “${taken.sku}”, choose another`, {
      field: `variants.${index}.sku`,
    });
  }
}
