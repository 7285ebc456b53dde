// npm run bench:crawler: what one client walking filter combinations nobody asked for before does
// to everyone else. On the bench database of BENCH_PRODUCTS products (default 100,000), the
// production server with its caches on and its default per-client ceilings: shoppers (four
// addresses, two connections each) open popular pages and API reads for BENCH_SECONDS alone,
// then again while a crawler (one address, 16 connections) walks 1,000 distinct filtered listing
// pages (each a page cache miss: a render, its listing and its facet counts), retrying a 429
// after its Retry-After. Prints the shoppers' p50/p99 both times and the crawler's walk (time,
// 200s and 429s, latency of the pages it got), and writes
// bench-results/crawler.json. BENCH_IN_FLIGHT sets the server's IN_FLIGHT_PER_IP (default 4, the
// server's own default).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { trpcUrl } from "./bench/cases.ts";
import { cpuTimes, loadAverage, percentile, root, seededDatabase, startServer } from "./bench/harness.ts";

const products = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dbName = process.env.BENCH_DB ?? (products === 10_000 ? "shop_bench" : `shop_bench_${products}`);
const dbUrl = await seededDatabase(dbName, { products, orders: 0 });
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();

// The harness lifts the in-flight ceiling for its one address; this bench puts the default back
// (each client sends its own X-Forwarded-For, which the server trusts from loopback).
const inFlight = process.env.BENCH_IN_FLIGHT ?? "4";
const server = await startServer({
  databaseUrl: dbUrl,
  port: Number(process.env.BENCH_PORT ?? 3997),
  env: { SERVE_APPS: "true", TRUST_PROXY: "loopback", IN_FLIGHT_PER_IP: inFlight },
});

type Page = { result: { data: { json: { items: Array<{ slug: string }> } } } };
const bestSellers = (
  (await (await fetch(trpcUrl(server.base, "catalog.list", { limit: 8, sort: "best_selling" }))).json()) as Page
).result.data.json.items.map((item) => item.slug);
const brands = ["acme", "aurora", "nova", "zenith", "pulse", "vertex", "orbit", "lumen"];
const categories = ["audio", "phones", "laptops", "wearables", "tablets", "accessories"];

/** 1,000 distinct filtered listings (BENCH_PAGES_WALKED), as a crawler following facet links finds them. */
const combos = Array.from({ length: Number(process.env.BENCH_PAGES_WALKED ?? 1_000) }, (_, i) => {
  const params = new URLSearchParams();
  params.set("min", String(1_000 + (i % 50) * 700));
  if (i % 2) params.set("stock", "1");
  if (i % 3 === 0) params.append("brand", brands[i % brands.length] ?? "acme");
  if (i % 5 === 0) params.set("rating", String(1 + (i % 4)));
  params.set("sort", ["price_asc", "price_desc", "newest", "rating"][i % 4] ?? "newest");
  return `/c/${categories[i % categories.length]}?${params.toString()}`;
});
const popular = [
  "/",
  "/c/audio",
  "/c/phones",
  ...bestSellers.map((slug) => `/p/${slug}`),
  new URL(trpcUrl(server.base, "catalog.list", { limit: 24 })).pathname +
    new URL(trpcUrl(server.base, "catalog.list", { limit: 24 })).search,
];

/** autocannon's instance (to stop it, to watch responses) and its result. */
function load(options: autocannon.Options) {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  if (!instance) throw new Error("autocannon did not start");
  return { instance, done };
}

function shoppers(duration: number) {
  return ["203.0.113.11", "203.0.113.12", "203.0.113.13", "203.0.113.14"].map((ip) => {
    let next = 0;
    return load({
      url: server.base,
      connections: 2,
      duration,
      headers: { "x-forwarded-for": ip },
      requests: [{ setupRequest: (request) => ({ ...request, path: popular[next++ % popular.length] ?? "/" }) }],
    });
  });
}
const summary = (runs: autocannon.Result[]) => ({
  requests: runs.reduce((sum, run) => sum + run.requests.total, 0),
  p50Ms: Math.max(...runs.map((run) => run.latency.p50)),
  p99Ms: Math.max(...runs.map((run) => run.latency.p99)),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  errors: runs.reduce((sum, run) => sum + run.errors + run.timeouts, 0),
});

/**
 * The crawler: 16 connections from one address, each taking the next of the 1,000 combinations;
 * a 429 is retried after its Retry-After, as well-behaved crawlers do, so every page is walked.
 */
async function crawl() {
  const started = performance.now();
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let path = combos[next++]; path !== undefined; path = combos[next++]) {
        for (;;) {
          const sent = performance.now();
          const response = await fetch(`${server.base}${path}`, { headers: { "x-forwarded-for": "198.51.100.99" } });
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status !== 429) {
            latencies.push(performance.now() - sent);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(response.headers.get("retry-after") ?? 1)));
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    pages: latencies.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    statuses,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
  };
}

let result;
try {
  await Promise.all(shoppers(2).map((run) => run.done)); // warm-up: the popular pages enter the caches
  const alone = summary(await Promise.all(shoppers(seconds).map((run) => run.done)));
  const before = await cpuTimes(server, db, dbName);
  // Shoppers for as long as the crawler walks.
  const measured = shoppers(3_600);
  const crawled = await crawl();
  for (const run of measured) run.instance.stop();
  const during = await Promise.all(measured.map((run) => run.done));
  const after = await cpuTimes(server, db, dbName);
  result = {
    products,
    inFlightPerIp: Number(inFlight),
    loadAverage: loadAverage(),
    shoppersAlone: alone,
    shoppersWhileCrawled: summary(during),
    crawler: crawled,
    cpuMsWhileCrawled: { server: after.server - before.server, postgres: after.postgres - before.postgres },
  };
} finally {
  await server.stop();
  await db.end();
}
console.log(`\n${products} products, IN_FLIGHT_PER_IP=${result.inFlightPerIp}, load average ${result.loadAverage}`);
console.table({
  "shoppers alone": result.shoppersAlone,
  "shoppers while crawled": result.shoppersWhileCrawled,
});
console.log("crawler:", result.crawler);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(join(root, "bench-results", "crawler.json"), `${JSON.stringify(result, null, 2)}\n`);
