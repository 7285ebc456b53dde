import type { PrismaClient } from "@shop/db";

/** Brands with the number of active products each has, alphabetically. */
export async function listBrands(db: PrismaClient) {
  const brands = await db.brand.findMany({
    select: { slug: true, name: true, _count: { select: { products: { where: { status: "ACTIVE" } } } } },
    orderBy: { name: "asc" },
  });
  return brands.map((brand) => ({ slug: brand.slug, name: brand.name, productCount: brand._count.products }));
}
