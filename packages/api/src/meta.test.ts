import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { procedureFacts } from "./meta.ts";
import { appRouter } from "./root.ts";

// The facts each procedure declares with `.meta()`, checked across the whole router: a procedure
// added tomorrow is covered without touching this file. The server reads these facts from the
// router (apps/server/src/routes/procedures.ts); it names no procedure itself.

const facts = [...procedureFacts(appRouter).values()];
const serverSources = join(import.meta.dirname, "../../../apps/server/src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("procedure metadata", () => {
  it("covers the whole router", () => {
    expect(facts.length).toBeGreaterThan(100);
  });

  it("gives every procedure an access rule", () => {
    const without = facts.filter(({ meta }) => !["public", "authed", "staff", "admin"].includes(meta.access ?? ""));
    expect(without.map(({ path }) => path)).toEqual([]);
  });

  it("caches only public queries, for a bounded time", () => {
    for (const { path, type, meta } of facts.filter(({ meta }) => meta.cache)) {
      expect({ path, type, access: meta.access }).toEqual({ path, type: "query", access: "public" });
      expect(Number.isInteger(meta.cache?.ttlSeconds) && (meta.cache?.ttlSeconds ?? 0) > 0, path).toBe(true);
    }
    // The HTTP layer's cache is part of its fast path: an answer shared by everyone must take it.
    const sharedOffPath = facts.filter(({ meta }) => meta.cache?.sharedBy === "everyone" && !meta.fastPath);
    expect(sharedOffPath.map(({ path }) => path)).toEqual([]);
  });

  it("lets only staff mutations empty the catalog caches", () => {
    const invalidating = facts.filter(({ meta }) => meta.invalidatesCatalog);
    expect(invalidating.length).toBeGreaterThan(10);
    for (const { path, type, meta } of invalidating) {
      // A shopper who could empty the cache could make every catalog read reach the database.
      expect({ path, type, staff: meta.access === "staff" || meta.access === "admin" }).toEqual({
        path,
        type: "mutation",
        staff: true,
      });
    }
  });

  it("declares what the server relies on", () => {
    const fast = (type: string) =>
      facts.filter((one) => one.type === type && one.meta.fastPath).map(({ path }) => path);
    expect(fast("query")).toEqual(expect.arrayContaining(["catalog.list", "catalog.get", "catalog.facets"]));
    expect(fast("mutation")).toEqual(expect.arrayContaining(["cart.add", "checkout.placeOrder"]));
    expect(facts.find(({ path }) => path === "reviews.list")?.meta.cache?.sharedBy).toBe("anonymous");
    expect(facts.find(({ path }) => path === "admin.products.update")?.meta.invalidatesCatalog).toBe(true);
    expect(facts.find(({ path }) => path === "checkout.placeOrder")?.meta.rateLimit?.key).toBe("checkout");
  });

  it("gives rate limits a key and a window", () => {
    for (const { path, meta } of facts.filter(({ meta }) => meta.rateLimit)) {
      expect(meta.rateLimit?.key, path).toMatch(/^[a-z][a-z-]*$/);
      expect(meta.rateLimit?.windowMs, path).toBeGreaterThan(0);
    }
  });

  it("leaves no procedure names in the server's code", () => {
    const namespaces = [...new Set(facts.map(({ path }) => path.split(".")[0]))].join("|");
    const named = new RegExp(`["'\`](${namespaces})\\.[a-zA-Z]`);
    const found = sourceFiles(serverSources).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (named.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
