import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";

/** A brand for its storefront page: its name and how many of its products are on sale. */
export async function getBrand(db: PrismaClient, slug: string) {
  const brand = await db.brand.findUnique({
    where: { slug },
    select: { slug: true, name: true, _count: { select: { products: { where: { status: "ACTIVE" } } } } },
  });
  if (!brand) throw new AppError("NOT_FOUND", "We don't know this brand");
  return {
    slug: brand.slug,
    name: brand.name,
    productCount: brand._count.products,
  };
}
