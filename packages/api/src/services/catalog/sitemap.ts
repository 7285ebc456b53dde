import { qb, type PrismaClient } from "@shop/db";
import { sql } from "kysely";
import { read } from "../../lib/sql.ts";
import { eb, isActive } from "./filters.ts";

/** The sitemaps protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapUrl = { path: string; lastmod: Date };

/**
 * The product sitemap's chunks (live products in id order, `size` per chunk), each with the time
 * its newest product changed: one pass over the live products' ids and update times.
 */
export async function productSitemapChunks(db: PrismaClient, size = SITEMAP_MAX_URLS) {
  const live = qb
    .selectFrom("Product as p")
    .select([
      sql<number>`((row_number() OVER (ORDER BY ${eb.ref("p.id")})) - 1)::int / ${size}::int`.as("chunk"),
      "p.updatedAt",
    ])
    .where(isActive);
  return read(
    db,
    qb
      .selectFrom(live.as("c"))
      .select((eb) => ["c.chunk", eb.fn.max("c.updatedAt").as("lastmod"), sql<number>`count(*)::int`.as("urls")])
      .groupBy("c.chunk")
      .orderBy("c.chunk"),
  );
}

/**
 * One chunk of the product sitemap, handed over in batches so a 50,000-URL chunk is never one
 * result set in memory: the chunk's first id by offset, then keyset pages in id order.
 */
export async function productSitemapChunk(
  db: PrismaClient,
  chunk: number,
  onBatch: (urls: SitemapUrl[]) => void,
  size = SITEMAP_MAX_URLS,
  batch = 5_000,
) {
  const where = { status: "ACTIVE" } as const;
  const first = await db.product.findFirst({ where, orderBy: { id: "asc" }, skip: chunk * size, select: { id: true } });
  if (!first) return;
  let after = first.id - 1;
  for (let left = size; left > 0;) {
    const rows = await db.product.findMany({
      where: { ...where, id: { gt: after } },
      orderBy: { id: "asc" },
      take: Math.min(batch, left),
      select: { id: true, slug: true, updatedAt: true },
    });
    if (rows.length === 0) return;
    onBatch(rows.map((row) => ({ path: `/p/${row.slug}`, lastmod: row.updatedAt })));
    left -= rows.length;
    after = rows.at(-1)?.id ?? after;
  }
}

/**
 * Categories with at least one live product in their subtree (an empty category is not worth a
 * crawler's visit), each last modified when it or a live product under it last changed.
 */
export async function categorySitemap(db: PrismaClient): Promise<SitemapUrl[]> {
  const [categories, products] = await Promise.all([
    db.category.findMany({ select: { id: true, parentId: true, slug: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db.product.groupBy({ by: ["categoryId"], where: { status: "ACTIVE" }, _max: { updatedAt: true } }),
  ]);
  const byId = new Map(categories.map((category) => [category.id, category]));
  const latest = new Map<number, Date>();
  for (const row of products) {
    const changed = row._max.updatedAt;
    if (row.categoryId === null || !changed) continue;
    const seen = new Set<number>();
    for (let at = byId.get(row.categoryId); at && !seen.has(at.id); at = byId.get(at.parentId ?? -1)) {
      seen.add(at.id);
      const known = latest.get(at.id);
      if (!known || known < changed) latest.set(at.id, changed);
    }
  }
  return categories.flatMap((category) => {
    const changed = latest.get(category.id);
    if (!changed) return [];
    return [{ path: `/c/${category.slug}`, lastmod: changed > category.updatedAt ? changed : category.updatedAt }];
  });
}
