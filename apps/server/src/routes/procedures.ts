import { appRouter, procedureFacts, type ProcedureFacts } from "@shop/api";

/**
 * What the HTTP layer knows about procedures, read once from the router: each declares its
 * facts with `.meta()` where it is defined (packages/api/src/meta.ts), so a renamed or new
 * procedure keeps its fast path, caching and cache invalidation without an edit here.
 */
const facts = procedureFacts(appRouter);

export const procedure = (path: string): ProcedureFacts | undefined => facts.get(path);

/** The paths of one tRPC request (`a.b,c.d` when batched). */
export const pathsOf = (path: string) => path.split(",");

/** A fast-path procedure of this type. */
export const onFastPath = (path: string, type: "query" | "mutation") => {
  const found = facts.get(path);
  return found?.type === type && found.meta.fastPath === true;
};

/**
 * How long the HTTP layer may keep the answer to these queries (milliseconds), or null when one
 * of them is not the same for everyone.
 */
export function sharedCacheTtl(paths: readonly string[]): number | null {
  let ttl = Infinity;
  for (const path of paths) {
    const cache = facts.get(path)?.meta.cache;
    if (cache?.sharedBy !== "everyone") return null;
    ttl = Math.min(ttl, cache.ttlSeconds * 1000);
  }
  return Number.isFinite(ttl) ? ttl : null;
}

/** Whether the success of these mutations may change what shoppers see in the catalog. */
export const invalidatesCatalog = (paths: readonly string[]) =>
  paths.some((path) => facts.get(path)?.meta.invalidatesCatalog === true);
