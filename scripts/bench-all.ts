// npm run bench: every benchmark, one after the other (they would steal cores from each other),
// then one table of requests per second and p50/p99 latency, written to
// bench-results/summary.json. Each bench still writes its own file with the details.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { loadAverage, root } from "./bench/harness.ts";

const Figures = z.object({
  requestsPerSecond: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  errors: z.number().default(0),
});
type Row = { benchmark: string; variant: string } & z.infer<typeof Figures>;
// The reports bench times requests one at a time: its rate is one client's, 1000 / mean ms.
const Timings = z.object({
  cases: z.array(
    z.object({
      name: z.string(),
      p50Ms: z.number(),
      p99Ms: z.number(),
      meanMs: z.number(),
      requestsPerSecond: z.number().optional(),
    }),
  ),
});

const Catalog = z.object({ cases: z.array(z.object({ name: z.string(), uncached: Figures, cached: Figures })) });
const Cases = z.object({ cases: z.array(Figures.extend({ name: z.string() })) });

const scripts = z
  .object({ scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(join(root, "package.json"), "utf8"))).scripts;
const results = (name: string) => join(root, "bench-results", `${name}.json`);

type Bench = { name: string; script: string; rows(json: unknown): Row[] };
const benches: Bench[] = [
  {
    name: "catalog",
    script: "bench:catalog",
    rows: (json) =>
      Catalog.parse(json).cases.flatMap((c) => [
        { benchmark: c.name, variant: "uncached", ...c.uncached },
        { benchmark: c.name, variant: "cached", ...c.cached },
      ]),
  },
  {
    name: "checkout",
    script: "bench:checkout",
    rows: (json) => Cases.parse(json).cases.map((c) => ({ benchmark: c.name, variant: "", ...c })),
  },
  // The admin dashboard's reports; its script arrives with the reports work.
  {
    name: "reports",
    script: "bench:reports",
    rows: (json) =>
      Timings.parse(json).cases.map((c) => ({
        benchmark: `dashboard: ${c.name}`,
        variant: c.requestsPerSecond === undefined ? "1 client, sequential" : "",
        requestsPerSecond: c.requestsPerSecond ?? Math.round(1000 / Math.max(c.meanMs, 0.001)),
        p50Ms: c.p50Ms,
        p99Ms: c.p99Ms,
        errors: 0,
      })),
  },
];

const loadBefore = loadAverage();
const rows: Row[] = [];
const notes: string[] = [];
let failed = false;
for (const bench of benches) {
  if (!scripts[bench.script]) {
    notes.push(`${bench.name}: skipped, there is no "npm run ${bench.script}" yet`);
    continue;
  }
  console.log(`\n::: npm run ${bench.script}`);
  const run = spawnSync("npm", ["run", "-s", bench.script], { cwd: root, stdio: "inherit" });
  // A bench that measured but judged the result bad (a seq scan, an oversold unit) still wrote
  // its figures: show them and fail at the end.
  if (run.status !== 0) failed = true;
  if (!existsSync(results(bench.name))) {
    notes.push(`${bench.name}: no ${bench.name}.json (exit code ${run.status})`);
    continue;
  }
  try {
    rows.push(...bench.rows(JSON.parse(readFileSync(results(bench.name), "utf8"))));
  } catch (error) {
    failed = true;
    notes.push(
      `${bench.name}: ${bench.name}.json has an unexpected shape (${error instanceof Error ? error.message.split("\n")[0] : "?"})`,
    );
  }
}

const summary = {
  cores: availableParallelism(),
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadAverage(),
  rows,
  notes,
};
console.log(
  `\nAll benchmarks: ${summary.cores} cores, load average ${summary.loadAverageBefore} before, ${summary.loadAverageAfter} after\n`,
);
console.table(
  rows.map((r) => ({
    benchmark: r.benchmark,
    variant: r.variant,
    "req/s": r.requestsPerSecond,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    errors: r.errors,
  })),
);
notes.push("the cluster bench (1 vs 2 instances behind nginx) is separate: npm run bench:cluster");
for (const note of notes) console.log(`note: ${note}`);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(results("summary"), `${JSON.stringify(summary, null, 2)}\n`);
if (failed) process.exitCode = 1;
