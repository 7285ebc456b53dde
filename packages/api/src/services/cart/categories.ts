import type { Prisma, PrismaClient } from "@shop/db";

/** For each category, itself and all its ancestors: a coupon scoped to "Audio" covers "Earbuds". */
export async function categoryLineage(db: PrismaClient | Prisma.TransactionClient): Promise<Map<number, number[]>> {
  const rows = await db.category.findMany({ select: { id: true, parentId: true } });
  const parent = new Map(rows.map((row) => [row.id, row.parentId]));
  const lineage = new Map<number, number[]>();
  for (const { id } of rows) {
    const chain: number[] = [];
    for (let current: number | null | undefined = id; current != null && !chain.includes(current); current = parent.get(current)) {
      chain.push(current);
    }
    lineage.set(id, chain);
  }
  return lineage;
}

/** Lineage is only needed to match a coupon scoped to categories; skip the query otherwise. */
export async function lineageFor(db: PrismaClient | Prisma.TransactionClient, coupon: { categoryIds: readonly number[] } | null) {
  return coupon && coupon.categoryIds.length > 0 ? categoryLineage(db) : new Map<number, number[]>();
}
