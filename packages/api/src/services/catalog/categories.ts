import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
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

// Active products per category as FacetCount keeps them (its "total" rows, exact under
// concurrent edits: docs/architecture.md, "Search and facets at scale"): one row per category,
// where counting the products read every active product (a million at the largest bench).
const activePerCategory = qb
  .selectFrom("FacetCount as f")
  .where("f.facet", "=", sql.lit("total"))
  .where("f.categoryId", ">", 0)
  .select(["f.categoryId", "f.count"]);

/** The category tree with the number of active products in each (subcategories included). */
export async function categoryTree(db: PrismaClient) {
  const [categories, counts] = await Promise.all([loadCategories(db), read(db, activePerCategory)]);
  const totals = subtreeCounts(categories, new Map(counts.map((row) => [row.categoryId, row.count])));
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
