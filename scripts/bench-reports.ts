// npm run bench:reports: seeds 100,000 orders (a year of them) into a scratch PostgreSQL
// database (reused when already seeded), starts the production server on it, signs in as staff
// and times the admin dashboard for the last 12 months over HTTP, one request at a time (a staff
// member waiting for the page), plus each report. Writes bench-results/reports.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { REPORT_KINDS } from "@shop/validators";
import { trpcUrl } from "./bench/cases.ts";
import { loadAverage, percentile, root, seededDatabase, startServer } from "./bench/harness.ts";

const ORDERS = 100_000;
const TARGET_MS = 300;
const runs = Number(process.env.BENCH_RUNS ?? 40);
const dbUrl = await seededDatabase(process.env.BENCH_DB ?? "shop_bench_reports", { products: 2_000, orders: ORDERS });
const port = Number(process.env.BENCH_PORT ?? 3998);

type Timing = { name: string; p50Ms: number; p99Ms: number; meanMs: number; runs: number };

async function time(name: string, url: string, cookie: string, count: number): Promise<Timing> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up: connections, prepared statements, caches
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await get());
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / count),
    runs: count,
  };
}

const server = await startServer({ databaseUrl: dbUrl, port });
const results: Timing[] = [];
try {
  const signIn = await fetch(`${server.base}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.base },
    body: JSON.stringify({ json: { email: "staff@example.com", password: "staff-demo-password" } }),
  });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
  if (!signIn.ok || !cookie) throw new Error(`staff sign-in failed: HTTP ${signIn.status}`);
  const input = { preset: "12m", granularity: "month" };
  results.push(
    await time("dashboard, 12 months, by month", trpcUrl(server.base, "admin.reports.dashboard", input), cookie, runs),
  );
  results.push(
    await time(
      "dashboard, 12 months, by day",
      trpcUrl(server.base, "admin.reports.dashboard", { preset: "12m", granularity: "day" }),
      cookie,
      runs,
    ),
  );
  for (const report of REPORT_KINDS) {
    results.push(
      await time(
        `report: ${report}, 12 months`,
        trpcUrl(server.base, "admin.reports.get", { ...input, report }),
        cookie,
        10,
      ),
    );
  }
} finally {
  await server.stop();
}

const load = loadAverage();
const dashboard = results[0];
const met = dashboard !== undefined && dashboard.p50Ms < TARGET_MS;
console.log(
  `\n${ORDERS} orders, sequential requests over HTTP, NODE_ENV=production, ${cpus().length} cores, load average ${load}\n`,
);
console.table(
  results.map((r) => ({ case: r.name, "p50 ms": r.p50Ms, "p99 ms": r.p99Ms, "mean ms": r.meanMs, runs: r.runs })),
);
console.log(
  `Dashboard target: p50 under ${TARGET_MS} ms: ${met ? "met" : "NOT met"} (p50 ${dashboard?.p50Ms} ms, p99 ${dashboard?.p99Ms} ms)`,
);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "reports.json"),
  `${JSON.stringify({ orders: ORDERS, targetMs: TARGET_MS, targetMet: met, cores: cpus().length, loadAverage: load, cases: results }, null, 2)}\n`,
);
if (!met) process.exitCode = 1;
