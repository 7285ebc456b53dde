// npm run bench:scale: the catalog bench (scripts/bench-catalog.ts) at several catalog sizes in
// one sitting, 1,000, 10,000 and 100,000 products by default (BENCH_SCALE="1000,10000" to
// choose), each in a child process with BENCH_PRODUCTS set and BENCH_PAGES=off, on its own
// database (shop_bench_<n>; shop_bench for 10,000). Then one growth table of the uncached
// requests (every one reaching PostgreSQL): CPU ms per request and p99 at each size, and the
// ratio of the largest size to the one before it. Writes bench-results/scale.json (or BENCH_OUT).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { loadAverage, root } from "./bench/harness.ts";

const sizes = [...new Set((process.env.BENCH_SCALE ?? "1000,10000,100000").split(",").map((s) => Number(s.trim())))];
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`BENCH_SCALE is not a list of counts: ${process.env.BENCH_SCALE}`);
sizes.sort((a, b) => a - b);
const out = resolve(process.env.BENCH_OUT ?? join(root, "bench-results", "scale.json"));

const Measured = z.object({
  requestsPerSecond: z.number(),
  p99Ms: z.number(),
  errors: z.number(),
  cpuMsPerRequest: z.number(),
});
const Catalog = z.object({
  products: z.number(),
  cases: z.array(z.object({ name: z.string(), uncached: Measured.optional() })),
  plans: z.array(z.object({ name: z.string(), queries: z.number(), seqScansOfProduct: z.number() })),
});
type Run = { products: number; catalog: z.infer<typeof Catalog>; raw: unknown };

const notes: string[] = [];
if (process.env.BENCH_DB) notes.push(`BENCH_DB=${process.env.BENCH_DB} ignored: each size has its own database`);
const loadBefore = loadAverage();
const runs: Run[] = [];
let failed = false;
for (const products of sizes) {
  const file = join(root, "bench-results", `scale-${products}.tmp`);
  rmSync(file, { force: true });
  console.log(`\n::: bench-catalog.ts at ${products} products`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_PRODUCTS: String(products),
    BENCH_PAGES: "off",
    BENCH_OUT: file,
  };
  delete env.BENCH_DB;
  const child = spawnSync("npx", ["tsx", "scripts/bench-catalog.ts"], { cwd: root, env, stdio: "inherit" });
  // A run that measured but failed its plan check still wrote its figures: keep them, fail at the end.
  if (child.status !== 0) {
    failed = true;
    notes.push(`${products} products: bench-catalog.ts exited with ${child.status ?? child.signal}`);
  }
  if (!existsSync(file)) {
    notes.push(`${products} products: no results written`);
    continue;
  }
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  rmSync(file, { force: true });
  const parsed = Catalog.safeParse(raw);
  if (!parsed.success) {
    failed = true;
    notes.push(`${products} products: unexpected results (${parsed.error.message.split("\n")[0]})`);
    continue;
  }
  runs.push({ products, catalog: parsed.data, raw });
}

const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const ratio = (to: number | undefined, from: number | undefined) =>
  to === undefined || from === undefined || from === 0 ? null : Math.round((100 * to) / from) / 100;
const last = runs.at(-1);
const before = runs.at(-2);
const names = [...new Set(runs.flatMap((run) => run.catalog.cases.map((c) => c.name)))];
const growth = names.map((name) => {
  const bySize = runs.map((run) => {
    const measured = run.catalog.cases.find((c) => c.name === name)?.uncached;
    const plan = run.catalog.plans.find((p) => p.name === name);
    return {
      products: run.products,
      cpuMsPerRequest: measured?.cpuMsPerRequest,
      p99Ms: measured?.p99Ms,
      requestsPerSecond: measured?.requestsPerSecond,
      errors: measured?.errors,
      queries: plan?.queries,
      seqScansOfProduct: plan?.seqScansOfProduct,
    };
  });
  const at = (products: number | undefined) => bySize.find((size) => size.products === products);
  return {
    name,
    bySize,
    cpuRatio: ratio(at(last?.products)?.cpuMsPerRequest, at(before?.products)?.cpuMsPerRequest),
    p99Ratio: ratio(at(last?.products)?.p99Ms, at(before?.products)?.p99Ms),
  };
});

const loadAfter = loadAverage();
console.log(
  `\nGrowth with catalog size, uncached (CATALOG_CACHE=off): ${availableParallelism()} cores, load average ${loadBefore} before, ${loadAfter} after\n`,
);
const of = (value: number | undefined) => value ?? "";
console.table(
  growth.map((row) => {
    const line: Record<string, string | number> = { case: row.name };
    for (const size of row.bySize) line[`CPU ms/req ${label(size.products)}`] = of(size.cpuMsPerRequest);
    for (const size of row.bySize) line[`p99 ms ${label(size.products)}`] = of(size.p99Ms);
    if (last && before) {
      const span = `${label(last.products)}/${label(before.products)}`;
      line[`CPU ×${span}`] = row.cpuRatio ?? "";
      line[`p99 ×${span}`] = row.p99Ratio ?? "";
    }
    line["Product seq scans"] = row.bySize.map((size) => size.seqScansOfProduct ?? "-").join("/");
    line.errors = row.bySize.reduce((sum, size) => sum + (size.errors ?? 0), 0);
    return line;
  }),
);
for (const note of notes) console.log(`note: ${note}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      sizes,
      cores: availableParallelism(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
      growth,
      notes,
      runs: runs.map((run) => run.raw),
    },
    null,
    2,
  )}\n`,
);
if (failed || runs.length < sizes.length) process.exitCode = 1;
