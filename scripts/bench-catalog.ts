// npm run bench:catalog: seeds 10,000 products into a scratch PostgreSQL database (reused when
// already seeded), starts the production server on it, checks the query plans, then measures
// four catalog requests at 32 connections with autocannon. Writes bench-results/catalog.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { benchCases, deepFilters, trpcUrl } from "./bench/cases.ts";
import { explainCases } from "./bench/explain.ts";
import { loadAverage, root, seededDatabase, startServer } from "./bench/harness.ts";

const PRODUCTS = 10_000;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const dbUrl = await seededDatabase(process.env.BENCH_DB ?? "shop_bench", { products: PRODUCTS, orders: 0 });
const server = await startServer({ databaseUrl: dbUrl, port: Number(process.env.BENCH_PORT ?? 3999) });
const base = server.base;
try {
  type Page = { result: { data: { json: { nextCursor: string | null; items: Array<{ slug: string }> } } } };
  const page = async (input: unknown) => ((await (await fetch(trpcUrl(base, "catalog.list", input))).json()) as Page).result.data.json;
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) cursor = (await page({ ...deepFilters, limit: 24, cursor })).nextCursor;
  const slug = (await page({ limit: 1, sort: "best_selling" })).items[0]?.slug ?? "";
  const cases = benchCases({ deepCursor: cursor ?? "", slug });

  console.log("\nQuery plans (EXPLAIN of every statement each request runs):");
  const plans = await explainCases(dbUrl, cases);
  for (const plan of plans) {
    const verdict = plan.seqScansOfProduct === 0 ? "no seq scan of Product" : `${plan.seqScansOfProduct} SEQ SCAN(S) OF Product`;
    console.log(`  ${plan.name}: ${plan.queries} queries, ${verdict}; indexes: ${plan.indexes.join(", ")}`);
  }

  const results = [];
  for (const benchCase of cases) {
    const url = trpcUrl(base, benchCase.path, benchCase.input);
    await autocannon({ url, connections: 32, duration: 2 }); // warm-up
    const result = await autocannon({ url, connections: 32, duration });
    results.push({
      name: benchCase.name,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    });
  }
  const load = loadAverage();
  console.log(`\n${PRODUCTS} products, 32 connections, ${duration} s per case, NODE_ENV=production, load average ${load}\n`);
  console.table(results);
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(
    join(root, "bench-results", "catalog.json"),
    `${JSON.stringify({ products: PRODUCTS, connections: 32, durationSeconds: duration, loadAverage: load, cases: results, plans }, null, 2)}\n`,
  );
  if (plans.some((plan) => plan.seqScansOfProduct > 0)) process.exitCode = 1;
} finally {
  await server.stop();
}
