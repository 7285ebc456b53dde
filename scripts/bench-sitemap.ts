// npm run bench:sitemap: the sitemaps of a 100,000-product shop. Seeds a scratch PostgreSQL
// database (BENCH_DB, default shop_bench_sitemap; reused when seeded), starts the production
// server on it, then fetches /sitemap.xml and every chunk it lists twice: cold (generated from
// the database) and warm (from the page cache). Writes bench-results/sitemap.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadAverage, root, seededDatabase, startServer } from "./bench/harness.ts";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const dbUrl = await seededDatabase(process.env.BENCH_DB ?? "shop_bench_sitemap", { products: PRODUCTS, orders: 0 });
const server = await startServer({ databaseUrl: dbUrl, port: Number(process.env.BENCH_PORT ?? 3998) });

async function timed(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return {
    ms: Math.round(performance.now() - started),
    bytes: body.length,
    urls: body.split("<loc>").length - 1,
    body,
  };
}

const rows = [];
try {
  const index = await timed(`${server.base}/sitemap.xml`);
  const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? "");
  rows.push({
    file: "/sitemap.xml",
    cold: index.ms,
    warm: (await timed(`${server.base}/sitemap.xml`)).ms,
    urls: index.urls,
    bytes: index.bytes,
  });
  for (const file of files) {
    const path = new URL(file).pathname;
    const cold = await timed(`${server.base}${path}`);
    const warm = await timed(`${server.base}${path}`);
    rows.push({ file: path, cold: cold.ms, warm: warm.ms, urls: cold.urls, bytes: cold.bytes });
  }
} finally {
  await server.stop();
}
const load = loadAverage();
console.log(`\n${PRODUCTS} products; milliseconds per request (cold: generated, warm: cached); load average ${load}`);
console.table(rows);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "sitemap.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), products: PRODUCTS, loadAverage: load, files: rows }, null, 2)}\n`,
);
