import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";

const brandSelect = { id: true, name: true, slug: true } as const;

/** Brand names and URL handles are unique: said on the field, in words, before writing. */
async function assertFreeBrand(tx: Prisma.TransactionClient, input: { name: string; slug: string }, id?: number) {
  const owner = await tx.brand.findFirst({
    where: {
      OR: [{ name: { equals: input.name, mode: "insensitive" } }, { slug: input.slug }],
      ...(id !== undefined && { id: { not: id } }),
    },
    select: { name: true },
  });
  if (owner)
    throw new AppError("CONFLICT", `There is already a brand called “${owner.name}”, choose another name`, {
      field: "name",
    });
}

export async function listAdminBrands(db: PrismaClient) {
  const brands = await db.brand.findMany({
    select: { id: true, name: true, slug: true, _count: { select: { products: true } } },
    orderBy: { name: "asc" },
  });
  return brands.map(({ _count, ...brand }) => ({ ...brand, productCount: _count.products }));
}

export function createBrand(db: PrismaClient, actor: AuditActor, input: { name: string; slug: string }) {
  return db.$transaction(async (tx) => {
    await assertFreeBrand(tx, input);
    const brand = await tx.brand.create({ data: input, select: brandSelect });
    await recordAudit(tx, { actor, action: "brand.create", entityType: "Brand", entityId: brand.id, after: brand });
    return { id: brand.id };
  });
}

export function updateBrand(db: PrismaClient, actor: AuditActor, input: { id: number; name: string; slug: string }) {
  const { id, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.brand.findUnique({ where: { id }, select: brandSelect });
    if (!before) throw new AppError("NOT_FOUND", "No such brand");
    await assertFreeBrand(tx, data, id);
    const brand = await tx.brand.update({ where: { id }, data, select: brandSelect });
    await recordAudit(tx, { actor, action: "brand.update", entityType: "Brand", entityId: id, before, after: brand });
    return { id };
  });
}

/** A brand with products stays: reassign or archive them first, so nothing loses its brand by accident. */
export async function deleteBrand(db: PrismaClient, actor: AuditActor, id: number) {
  return db.$transaction(async (tx) => {
    const used = await tx.product.count({ where: { brandId: id } });
    if (used > 0) throw new AppError("CONFLICT", `${used} products use this brand`);
    const before = await tx.brand.delete({ where: { id }, select: brandSelect });
    await recordAudit(tx, { actor, action: "brand.delete", entityType: "Brand", entityId: id, before });
    return { ok: true as const };
  });
}
