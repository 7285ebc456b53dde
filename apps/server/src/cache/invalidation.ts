import type { Database } from "@shop/db";
import type { ResponseCache } from "./response-cache.ts";

export const CATALOG_CHANNEL = "shop_catalog";

/**
 * Database triggers NOTIFY on every change shoppers would see in the catalog (prices,
 * availability flips, products, categories, brands, ratings), whatever code path made it:
 * staff edits, checkouts, expiries. Every instance LISTENs and invalidates, so the cache stays
 * right on all of them. Staff edits (mutations declaring `meta.invalidatesCatalog`) also
 * invalidate synchronously before answering, so the next request anywhere sees them. While the
 * database is away the listener reconnects every second;
 * `onError` hears of each failure (the server logs them once per burst).
 */
export function listenForCatalogChanges(
  db: Database,
  caches: readonly ResponseCache[],
  onError: (error: unknown) => void,
) {
  return db.listen(CATALOG_CHANNEL, () => void Promise.all(caches.map((cache) => cache.invalidate())), onError);
}
