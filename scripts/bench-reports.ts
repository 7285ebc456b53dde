// npm run bench:reports: seeds 100,000 orders (a year of them) into a scratch PostgreSQL
// database (reused when already seeded), starts the production server on it, signs in as staff
// and times the admin dashboard for the last 12 months over HTTP, one request at a time (a staff
// member waiting for the page), plus each report. Besides latency it records the CPU each
// request cost the server and PostgreSQL, which other work on the machine barely changes (the
// PostgreSQL figure counts the connections that served the whole run, not the short-lived
// parallel workers a plan may start). Writes bench-results/reports.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { REPORT_KINDS } from "@shop/validators";
import pg from "pg";
import { trpcUrl } from "./bench/cases.ts";
import {
  loadAverage,
  percentile,
  processCpuMs,
  root,
  seededDatabase,
  startServer,
  type Server,
} from "./bench/harness.ts";

const ORDERS = 100_000;
const TARGET_MS = 300;
const runs = Number(process.env.BENCH_RUNS ?? 40);
const dbName = process.env.BENCH_DB ?? "shop_bench_reports";
const dbUrl = await seededDatabase(dbName, { products: 2_000, orders: ORDERS });
const port = Number(process.env.BENCH_PORT ?? 3998);
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();

/** cpuMs: server + PostgreSQL CPU per request (the load generator's is left out: it only waits). */
type Timing = {
  name: string;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  runs: number;
  cpuMs: number;
  cpuSplitMs: { server: number; postgres: number };
};

/** CPU (ms) used so far by the server and by each connection to the database. */
async function cpuNow(server: Server) {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    [dbName],
  );
  return {
    server: server.process.pid ? processCpuMs(server.process.pid) : 0,
    backends: new Map(rows.map((row) => [row.pid, processCpuMs(row.pid)])),
  };
}

async function time(server: Server, name: string, url: string, cookie: string, count: number): Promise<Timing> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up: connections, prepared statements, caches
  const samples: number[] = [];
  const before = await cpuNow(server);
  for (let i = 0; i < count; i++) samples.push(await get());
  const after = await cpuNow(server);
  // Connections opened or closed during the run have no difference to take: left out.
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? ms);
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const serverMs = (after.server - before.server) / count;
  const postgresMs = postgres / count;
  return {
    name,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / count),
    runs: count,
    cpuMs: round(serverMs + postgresMs),
    cpuSplitMs: { server: round(serverMs), postgres: round(postgresMs) },
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
    await time(
      server,
      "dashboard, 12 months, by month",
      trpcUrl(server.base, "admin.reports.dashboard", input),
      cookie,
      runs,
    ),
  );
  results.push(
    await time(
      server,
      "dashboard, 12 months, by day",
      trpcUrl(server.base, "admin.reports.dashboard", { preset: "12m", granularity: "day" }),
      cookie,
      runs,
    ),
  );
  for (const report of REPORT_KINDS) {
    results.push(
      await time(
        server,
        `report: ${report}, 12 months`,
        trpcUrl(server.base, "admin.reports.get", { ...input, report }),
        cookie,
        10,
      ),
    );
  }
} finally {
  await server.stop();
  await db.end();
}

const load = loadAverage();
const dashboard = results[0];
const met = dashboard !== undefined && dashboard.p50Ms < TARGET_MS;
console.log(
  `\n${ORDERS} orders, sequential requests over HTTP, NODE_ENV=production, ${cpus().length} cores, load average ${load}\n`,
);
console.table(
  results.map((r) => ({
    case: r.name,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    "mean ms": r.meanMs,
    "CPU ms/req": r.cpuMs,
    "server CPU": r.cpuSplitMs.server,
    "PostgreSQL CPU": r.cpuSplitMs.postgres,
    runs: r.runs,
  })),
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
