// npm run bench:catalog: seeds BENCH_PRODUCTS products (default 10,000) into a scratch
// PostgreSQL database (reused when already seeded), starts the production server on it, checks
// the query plans, then measures the catalog requests at 32 connections with autocannon, first
// with the response cache off (every request reaches PostgreSQL), then on. Server-rendered pages
// are measured three ways (BENCH_PAGES=off skips them): uncached (data from PostgreSQL, rendered
// every time), rendered (catalog data from its cache, PAGE_CACHE=off: the cost of React
// rendering) and cached (the page cache hit). Writes bench-results/catalog.json (or BENCH_OUT).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import autocannon from "autocannon";
import { benchCases, deepFilters, pageCases, trpcUrl, type PageCase } from "./bench/cases.ts";
import { explainCases } from "./bench/explain.ts";
import pg from "pg";
import { cpuTimes, loadAverage, root, seededDatabase, startServer, type Server } from "./bench/harness.ts";

const products = Number(process.env.BENCH_PRODUCTS ?? 10_000);
if (!Number.isInteger(products) || products < 1) throw new Error(`BENCH_PRODUCTS is not a count: ${products}`);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
// One database per size (the default size keeps the old name), so runs at several sizes do not
// reseed one database back and forth.
const dbName = process.env.BENCH_DB ?? (products === 10_000 ? "shop_bench" : `shop_bench_${products}`);
const measurePages = process.env.BENCH_PAGES !== "off";
const out = resolve(process.env.BENCH_OUT ?? join(root, "bench-results", "catalog.json"));
const dbUrl = await seededDatabase(dbName, { products, orders: 0 });
const port = Number(process.env.BENCH_PORT ?? 3999);
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
/** cpuMsPerRequest: server + PostgreSQL + load generator CPU per request, which load elsewhere on the machine barely changes. */
type Measured = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  cpuMsPerRequest: number;
  cpuSplitMs: { server: number; postgres: number; loadGenerator: number };
};

async function measure(server: Server, url: string): Promise<Measured> {
  await autocannon({ url, connections: 32, duration: 2 }); // warm-up
  const before = await cpuTimes(server, db, dbName);
  const result = await autocannon({ url, connections: 32, duration });
  const after = await cpuTimes(server, db, dbName);
  const cpu = after.server - before.server + (after.postgres - before.postgres) + (after.client - before.client);
  const per = (ms: number) => (result.requests.total ? Math.round((100 * ms) / result.requests.total) / 100 : 0);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: per(cpu),
    cpuSplitMs: {
      server: per(after.server - before.server),
      postgres: per(after.postgres - before.postgres),
      loadGenerator: per(after.client - before.client),
    },
  };
}

// The storefront's pages are rendered by the server too (SERVE_APPS), from the same build.
const serve = { SERVE_APPS: "true" };
const server = await startServer({ databaseUrl: dbUrl, port, env: { ...serve, CATALOG_CACHE: "off" } });
const base = server.base;
let cases: ReturnType<typeof benchCases> = [];
let pages: PageCase[] = [];
const uncached: Measured[] = [];
const pagesUncached: Measured[] = [];
let plans: Awaited<ReturnType<typeof explainCases>> = [];
try {
  type Page = { result: { data: { json: { nextCursor: string | null; items: Array<{ slug: string }> } } } };
  const page = async (input: unknown) =>
    ((await (await fetch(trpcUrl(base, "catalog.list", input))).json()) as Page).result.data.json;
  // The 10th page's cursor, or the last page's when there are fewer (small BENCH_PRODUCTS).
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const next: string | null = (await page({ ...deepFilters, limit: 24, cursor })).nextCursor;
    if (next === null) break;
    cursor = next;
  }
  const slug = (await page({ limit: 1, sort: "best_selling" })).items[0]?.slug ?? "";
  // BENCH_ONLY=search measures only the cases whose name contains it (quick A/B comparisons);
  // several choices are separated by commas, and "=name" matches a whole name.
  const choices = (process.env.BENCH_ONLY ?? "").split(",");
  const only = (name: string) =>
    choices.some((choice) => (choice.startsWith("=") ? name === choice.slice(1) : name.includes(choice)));
  cases = benchCases({ deepCursor: cursor ?? "", slug }).filter((benchCase) => only(benchCase.name));
  pages = measurePages ? pageCases({ slug, category: deepFilters.category }).filter((page) => only(page.name)) : [];

  console.log("\nQuery plans (EXPLAIN of every statement each request runs):");
  plans = await explainCases(dbUrl, cases);
  for (const plan of plans) {
    const verdict =
      plan.seqScansOfProduct === 0
        ? "no seq scan of Product"
        : plan.seqScanFails
          ? `${plan.seqScansOfProduct} SEQ SCAN(S) OF Product`
          : `${plan.seqScansOfProduct} seq scan(s) of Product (warning only: a count or a best-seller walk, see explain.ts)`;
    console.log(`  ${plan.name}: ${plan.queries} queries, ${verdict}; indexes: ${plan.indexes.join(", ")}`);
  }

  for (const benchCase of cases) uncached.push(await measure(server, trpcUrl(base, benchCase.path, benchCase.input)));
  for (const page of pages) pagesUncached.push(await measure(server, `${base}${page.path}`));
} finally {
  await server.stop();
}

const pagesRendered: Measured[] = [];
if (pages.length > 0) {
  const renderingServer = await startServer({
    databaseUrl: dbUrl,
    port,
    env: { ...serve, CATALOG_CACHE: "on", PAGE_CACHE: "off" },
  });
  try {
    for (const page of pages) pagesRendered.push(await measure(renderingServer, `${renderingServer.base}${page.path}`));
  } finally {
    await renderingServer.stop();
  }
}

const cachedServer = await startServer({ databaseUrl: dbUrl, port, env: { ...serve, CATALOG_CACHE: "on" } });
const cached: Measured[] = [];
const pagesCached: Measured[] = [];
try {
  for (const benchCase of cases)
    cached.push(await measure(cachedServer, trpcUrl(cachedServer.base, benchCase.path, benchCase.input)));
  for (const page of pages) pagesCached.push(await measure(cachedServer, `${cachedServer.base}${page.path}`));
} finally {
  await cachedServer.stop();
}

const results = cases.map((benchCase, i) => ({ name: benchCase.name, uncached: uncached[i], cached: cached[i] }));
const pageResults = pages.map((page, i) => ({
  name: page.name,
  path: page.path,
  uncached: pagesUncached[i],
  rendered: pagesRendered[i],
  cached: pagesCached[i],
}));
const load = loadAverage();
console.log(
  `\n${products} products, 32 connections, ${duration} s per case, NODE_ENV=production, ${cpus().length} cores, load average ${load}\n`,
);
console.table(
  results.map((r) => ({
    case: r.name,
    "req/s": r.uncached?.requestsPerSecond,
    "p50 ms": r.uncached?.p50Ms,
    "p99 ms": r.uncached?.p99Ms,
    "CPU ms/req": r.uncached?.cpuMsPerRequest,
    "(server/PG/client)": r.uncached
      ? `${r.uncached.cpuSplitMs.server}/${r.uncached.cpuSplitMs.postgres}/${r.uncached.cpuSplitMs.loadGenerator}`
      : "",
    "cached req/s": r.cached?.requestsPerSecond,
    "cached p50 ms": r.cached?.p50Ms,
    "cached p99 ms": r.cached?.p99Ms,
    "cached CPU ms/req": r.cached?.cpuMsPerRequest,
    errors: (r.uncached?.errors ?? 0) + (r.cached?.errors ?? 0),
  })),
);
const figures = (m: Measured | undefined) =>
  m ? `${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.cpuMsPerRequest} CPU ms` : "";
if (measurePages) {
  console.log("\nServer-rendered pages: uncached (CATALOG_CACHE=off), rendered (PAGE_CACHE=off), cached:");
  console.table(
    pageResults.map((r) => ({
      case: r.name,
      uncached: figures(r.uncached),
      "(server/PG/client)": r.uncached
        ? `${r.uncached.cpuSplitMs.server}/${r.uncached.cpuSplitMs.postgres}/${r.uncached.cpuSplitMs.loadGenerator}`
        : "",
      rendered: figures(r.rendered),
      cached: figures(r.cached),
      errors: (r.uncached?.errors ?? 0) + (r.rendered?.errors ?? 0) + (r.cached?.errors ?? 0),
    })),
  );
} else console.log("\nServer-rendered pages: not measured (BENCH_PAGES=off).");
await db.end();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ products, database: dbName, connections: 32, durationSeconds: duration, cores: cpus().length, loadAverage: load, cases: results, pages: pageResults, plans }, null, 2)}\n`,
);
if (plans.some((plan) => plan.seqScanFails && plan.seqScansOfProduct > 0)) process.exitCode = 1;
