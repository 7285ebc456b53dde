// npm run bench:explain [-- <case name part>]: EXPLAIN (ANALYZE, BUFFERS) of every statement the
// catalog's benchmark cases run, on the bench database of BENCH_PRODUCTS products (seeded as
// bench:catalog seeds it), each statement after one warm-up run. The evidence behind
// docs/architecture.md's "Search and facets at scale".
import { benchCases, deepFilters, trpcUrl } from "./bench/cases.ts";
import { explainCases } from "./bench/explain.ts";
import { seededDatabase, startServer } from "./bench/harness.ts";

const products = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const dbName = process.env.BENCH_DB ?? (products === 10_000 ? "shop_bench" : `shop_bench_${products}`);
const dbUrl = await seededDatabase(dbName, { products, orders: 0 });
const only = process.argv[2] ?? "";

// The deep page's cursor and the best seller's slug come from the server, as bench:catalog does.
const server = await startServer({ databaseUrl: dbUrl, port: Number(process.env.BENCH_PORT ?? 3998) });
type Page = { result: { data: { json: { nextCursor: string | null; items: Array<{ slug: string }> } } } };
const page = async (input: unknown) =>
  ((await (await fetch(trpcUrl(server.base, "catalog.list", input))).json()) as Page).result.data.json;
let cursor: string | null = null;
let slug = "";
try {
  for (let i = 0; i < 10; i++) cursor = (await page({ ...deepFilters, limit: 24, cursor })).nextCursor;
  slug = (await page({ limit: 1, sort: "best_selling" })).items[0]?.slug ?? "";
} finally {
  await server.stop();
}
const cases = benchCases({ deepCursor: cursor ?? "", slug }).filter((benchCase) => benchCase.name.includes(only));
await explainCases(dbUrl, cases); // warm-up: the second run reads from shared buffers
for (const report of await explainCases(dbUrl, cases, { analyze: true })) {
  console.log(`\n=== ${report.name} (${products} products): ${report.queries} statements`);
  for (const text of report.analyzed ?? []) console.log(`\n${text}`);
}
