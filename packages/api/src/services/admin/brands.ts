import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";

export async function listAdminBrands(db: PrismaClient) {
  const brands = await db.brand.findMany({ select: { id: true, name: true, slug: true, _count: { select: { products: true } } }, orderBy: { name: "asc" } });
  return brands.map(({ _count, ...brand }) => ({ ...brand, productCount: _count.products }));
}

export function createBrand(db: PrismaClient, input: { name: string; slug: string }) {
  return db.brand.create({ data: input, select: { id: true } });
}

export function updateBrand(db: PrismaClient, input: { id: number; name: string; slug: string }) {
  const { id, ...data } = input;
  return db.brand.update({ where: { id }, data, select: { id: true } });
}

/** A brand with products stays: reassign or archive them first, so nothing loses its brand by accident. */
export async function deleteBrand(db: PrismaClient, id: number) {
  const used = await db.product.count({ where: { brandId: id } });
  if (used > 0) throw new AppError("CONFLICT", `${used} products use this brand`);
  await db.brand.delete({ where: { id } });
  return { ok: true as const };
}
