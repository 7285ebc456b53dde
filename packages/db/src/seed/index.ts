import type { MediaStorage } from "@shop/media";
import type { Database } from "../client.ts";
import { seedAccounts } from "./accounts.ts";
import { catalogStart, insertCatalog, planCatalog, planPictures } from "./catalog.ts";
import { holdStockOfOpenOrders } from "./held-stock.ts";
import { seedPictures, storePictures } from "./images.ts";
import { seedOrders } from "./orders.ts";
import { seedReturns } from "./returns.ts";
import { createRandom } from "./random.ts";
import { seedReference } from "./reference.ts";
import { seedReviews } from "./reviews.ts";

export { demoAccounts } from "./accounts.ts";
/** The seed's generator (mulberry32), for tests that draw reproducible random cases. */
export { createRandom, type Random } from "./random.ts";

export type SeedOptions = {
  products: number;
  orders: number;
  customers: number;
  /** Where generated product pictures are stored: the shop's image storage. */
  media: MediaStorage;
  now?: Date;
  seed?: number;
  log?: (message: string) => void;
};

export const demoSeed = { products: 320, orders: 1_500, customers: 300 } as const;

const SEED_MARKER = "seed";

/**
 * Builds the demo shop. Idempotent: a database that was seeded once (or that already has
 * products) is left alone, so running it twice, or on every start, changes nothing.
 */
export async function seed(db: Database, options: SeedOptions): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  const existing = await db.prisma.setting.findUnique({ where: { key: SEED_MARKER }, select: { key: true } });
  if (existing || (await db.prisma.product.count()) > 0) {
    log("Database already has a catalog; seed skipped.");
    return { seeded: false };
  }
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 20_261_125);
  const started = Date.now();
  const step = (label: string) => log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  await seedReference(db.prisma, now);
  const start = await catalogStart(db.sql, now);
  const plan = { products: options.products, now, pictures: seedPictures() };
  planPictures(random.fork(), start, plan);
  const pictures = await storePictures(options.media, plan.pictures.all());
  step(`${pictures.size} product pictures stored in ${options.media.location}`);
  // One transaction: a seed that fails halfway leaves nothing behind (at most unreferenced
  // pictures) and can simply be re-run.
  await db.sql.transaction(async (sql) => {
    // Facet counts are counted once at the end instead of row by row (see FacetCount).
    await sql.query(`SELECT set_config('shop.facet_counts', 'deferred', true)`);
    const variants = await insertCatalog(sql, start, planCatalog(random, start, plan, pictures));
    step(`${options.products} products, ${variants.length} variants`);
    const customers = await seedAccounts(sql, { random, now, count: options.customers });
    step(`${options.customers} customers and the demo accounts`);
    const delivered = await seedOrders(sql, { random, now, count: options.orders, customers, variants });
    await holdStockOfOpenOrders(sql);
    await seedReturns(sql, now);
    step(`${options.orders} orders`);
    const voterIds = [...new Set(customers.flatMap((customer) => (customer.id === null ? [] : [customer.id])))];
    await seedReviews(sql, { random, now, delivered, voterIds });
    step("reviews and ratings");
    await sql.query(`SELECT set_config('shop.facet_counts', '', true)`);
    await sql.exec(`SELECT shop_facets_rebuild()`);
    step("facet counts");
    await sql.query(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ($1, $2::jsonb, now())`, [
      SEED_MARKER,
      JSON.stringify({ products: options.products, orders: options.orders, at: now.toISOString() }),
    ]);
  });
  // Bulk inserts then trigger updates leave a dead version of every product row: vacuum too.
  await db.sql.exec("VACUUM ANALYZE");
  return { seeded: true };
}
