import { qb, type PrismaClient } from "@shop/db";
import { read } from "../../lib/sql.ts";

// A typed prepared statement rather than a Prisma query: every facet count reads it, and
// Prisma's query compiler costs more CPU than the statement.
const categoryRows = qb
  .selectFrom("Category as c")
  .select(["c.id", "c.parentId", "c.slug", "c.name", "c.position"])
  .orderBy("c.position")
  .orderBy("c.id");

/** The whole category table: small (tens to hundreds of rows) and read in one query. */
export async function loadCategories(db: PrismaClient) {
  const rows = await read(db, categoryRows);
  const slugs = new Map(rows.map((row) => [row.id, row.slug]));
  return rows.map((row) => ({ ...row, parentSlug: row.parentId === null ? null : (slugs.get(row.parentId) ?? null) }));
}

export type CategoryRow = Awaited<ReturnType<typeof loadCategories>>[number];

/**
 * Where a category that had this slug lives now (its current slug), or null when no category
 * ever had it. Old links to a renamed category answer 301 there.
 */
export async function categoryMovedTo(db: PrismaClient, slug: string): Promise<string | null> {
  const moved = await db.categorySlugHistory.findUnique({
    where: { slug },
    select: { category: { select: { slug: true } } },
  });
  return moved?.category.slug ?? null;
}

/** Adds each category's count to all its ancestors: a category counts its whole subtree. */
export function subtreeCounts(
  categories: readonly CategoryRow[],
  own: ReadonlyMap<number, number>,
): Map<number, number> {
  const parent = new Map(categories.map((category) => [category.id, category.parentId]));
  const totals = new Map<number, number>();
  for (const [id, count] of own) {
    const seen = new Set<number>();
    for (let at: number | null | undefined = id; at != null && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      totals.set(at, (totals.get(at) ?? 0) + count);
    }
  }
  return totals;
}

export type CategoryNode = { slug: string; name: string; productCount: number; children: CategoryNode[] };

/** The category tree with the number of active products in each (subcategories included). */
export async function categoryTree(db: PrismaClient) {
  const [categories, counts] = await Promise.all([
    loadCategories(db),
    db.product.groupBy({ by: ["categoryId"], where: { status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const totals = subtreeCounts(
    categories,
    new Map(counts.flatMap((row) => (row.categoryId === null ? [] : [[row.categoryId, row._count._all] as const]))),
  );
  const nodes = new Map<number, CategoryNode>(
    categories.map((category) => [
      category.id,
      { slug: category.slug, name: category.name, productCount: totals.get(category.id) ?? 0, children: [] },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const category of categories) {
    const node = nodes.get(category.id);
    if (!node) continue;
    const parent = category.parentId === null ? undefined : nodes.get(category.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
