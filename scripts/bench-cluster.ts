// npm run bench:cluster: does a second instance add throughput? Two production server instances
// on PostgreSQL and Redis (a private redis-server), behind the shipped nginx configuration
// (TLS). Cached catalog requests at 32 connections: straight to one instance, through nginx to
// one, through nginx to two. Prints the cores and where their time went; writes
// bench-results/cluster.json.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { z } from "zod";
import { freePort, startNginx, type Nginx } from "../deploy/nginx/local.ts";
import { trpcUrl } from "./bench/cases.ts";
import { childrenOf, cpuMeter, processesNamed } from "./bench/cpu.ts";
import { loadAverage, root, seededDatabase, startServer, type Server } from "./bench/harness.ts";

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const cores = availableParallelism();
const loadBefore = loadAverage();
const dbUrl = await seededDatabase(process.env.BENCH_DB ?? "shop_bench", { products: 10_000, orders: 0 });

// Its own Redis, so nothing else on the machine shares (or flushes) these cache keys.
const redisPort = await freePort();
const redis = spawn(
  "redis-server",
  ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
  { stdio: "ignore" },
);
await new Promise((resolve) => setTimeout(resolve, 300));

const servers: Server[] = [];
const proxies: Nginx[] = [];
type Run = {
  setup: string;
  instances: number;
  viaNginx: boolean;
  case: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  coresUsed: Record<string, number>;
  machineBusyPercent: number;
  /** Requests per CPU-second of this setup's own processes: what a request costs, whatever share of the machine others took. */
  requestsPerCpuSecond: number;
};
const runs: Run[] = [];
try {
  for (let i = 0; i < 2; i++) {
    servers.push(
      await startServer({
        databaseUrl: dbUrl,
        port: await freePort(),
        env: {
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          CATALOG_CACHE: "on",
          TRUST_PROXY: "127.0.0.1",
          DATABASE_POOL_SIZE: "10",
        },
      }),
    );
  }
  const [first, second] = servers as [Server, Server];
  const hostOf = (server: Server) => server.base.replace("http://", "");
  const Page = z.object({
    result: z.object({ data: z.object({ json: z.object({ items: z.array(z.object({ slug: z.string() })) }) }) }),
  });
  const page = Page.parse(
    await (await fetch(trpcUrl(first.base, "catalog.list", { limit: 24, sort: "best_selling" }))).json(),
  );
  const slug = page.result.data.json.items[0]?.slug ?? "";
  const cases = [
    { name: "listing, first page (cached)", path: "catalog.list", input: { limit: 24 } },
    { name: "product page (cached)", path: "catalog.get", input: { slug } },
  ];

  async function measure(setup: string, base: string, instances: Server[], nginx: Nginx | null) {
    for (const benchCase of cases) {
      const url = trpcUrl(base, benchCase.path, benchCase.input);
      const options = { url, connections, ...(nginx ? { servername: "localhost", tlsOptions: { ca: nginx.ca } } : {}) };
      await autocannon({ ...options, duration: 2 }); // warm-up: fills the cache, opens connections
      const stop = cpuMeter({
        node: () => instances.map((s) => s.process.pid ?? 0),
        nginx: () => (nginx ? childrenOf(nginx.pid) : []),
        redis: () => [redis.pid ?? 0],
        postgres: () => processesNamed("postgres"),
      });
      const result = await autocannon({ ...options, duration });
      const cpu = stop();
      // What the machine spent beyond the processes above: other people's work on a shared host.
      const ours = Object.entries(cpu.coresUsed)
        .filter(([name]) => name !== "postgres")
        .reduce((sum, [, used]) => sum + used, 0);
      cpu.coresUsed.otherWork = Number(
        Math.max(0, (cpu.machineBusyPercent / 100) * cores - ours - (cpu.coresUsed.postgres ?? 0)).toFixed(2),
      );
      const spent =
        (cpu.coresUsed.node ?? 0) +
        (cpu.coresUsed.nginx ?? 0) +
        (cpu.coresUsed.redis ?? 0) +
        (cpu.coresUsed.loadGenerator ?? 0);
      runs.push({
        setup,
        instances: instances.length,
        viaNginx: nginx !== null,
        case: benchCase.name,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        ...cpu,
        requestsPerCpuSecond: Math.round(result.requests.average / Math.max(spent, 0.01)),
      });
    }
  }

  const one = await startNginx([hostOf(first)], { workers: "auto", binary: process.env.NGINX_PATH });
  proxies.push(one);
  const two = await startNginx([hostOf(first), hostOf(second)], { workers: "auto", binary: process.env.NGINX_PATH });
  proxies.push(two);
  const setups = [
    () => measure("1 instance, direct (HTTP)", first.base, [first], null),
    () => measure("1 instance behind nginx (HTTPS)", `https://127.0.0.1:${one.httpsPort}`, [first], one),
    () => measure("2 instances behind nginx (HTTPS)", `https://127.0.0.1:${two.httpsPort}`, [first, second], two),
  ];
  // Other work on a shared machine comes and goes: alternate the order each round, so a busy
  // spell does not always land on the same setup, and compare each setup's best round.
  for (let round = 0; round < rounds; round++)
    for (const setup of round % 2 ? [...setups].reverse() : setups) await setup();
} finally {
  for (const proxy of proxies) await proxy.stop();
  for (const server of servers) await server.stop();
  redis.kill("SIGTERM");
}

const rate = (setup: string, name: string) =>
  Math.max(0, ...runs.filter((r) => r.setup.startsWith(setup) && r.case === name).map((r) => r.requestsPerSecond));
const mean = (values: number[]) => Number((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(2));
const caseNames = [...new Set(runs.map((r) => r.case))];
const scaling = caseNames.map((name) => ({
  case: name,
  speedup: Number((rate("2 instances", name) / Math.max(1, rate("1 instance behind", name))).toFixed(2)),
}));
const efficiency = (setup: string) =>
  Math.round(mean(runs.filter((r) => r.setup.startsWith(setup)).map((r) => r.requestsPerCpuSecond)));
const costs = {
  direct: efficiency("1 instance, direct"),
  nginxOneInstance: efficiency("1 instance behind"),
  nginxTwoInstances: efficiency("2 instances"),
};
const busiest = Math.max(...runs.map((r) => r.machineBusyPercent));
const others = mean(runs.map((r) => r.coresUsed.otherWork ?? 0));
const verdict = scaling.every((s) => s.speedup >= 1.3)
  ? "scales: the second instance adds throughput"
  : busiest >= 90
    ? `does not scale here: the ${cores} cores were up to ${busiest}% busy, shared by the load generator, nginx, Redis and Node (and other work on the machine: ${others} cores on average); a second Node process can only take CPU from the others, and each request cost ${costs.nginxTwoInstances} vs ${costs.nginxOneInstance} requests per CPU-second with two instances vs one. Instances scale when they get cores of their own (separate machines or containers with CPU limits).`
    : "does not scale, though cores were idle: the bottleneck is elsewhere (Redis, the proxy or the load generator's connections)";
const loadAfter = loadAverage();

console.log(
  `\n${cores} cores (os.availableParallelism()), ${connections} connections, ${duration} s per run, load average ${loadBefore} before, ${loadAfter} after\n`,
);
console.table(
  runs.map((r) => ({
    setup: r.setup,
    case: r.case,
    "req/s": r.requestsPerSecond,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    errors: r.errors,
    "req per CPU-s": r.requestsPerCpuSecond,
    "machine busy %": r.machineBusyPercent,
  })),
);
console.log("Cores used per process group (CPU seconds per second):");
console.table(runs.map((r) => ({ setup: r.setup, case: r.case, ...r.coresUsed })));
for (const s of scaling)
  console.log(`2 vs 1 instance behind nginx, ${s.case}, best of ${rounds} rounds: ×${s.speedup}`);
console.log(
  `Requests per CPU-second of the shop's processes (load generator included), mean: direct ${costs.direct}, nginx → 1 instance ${costs.nginxOneInstance}, nginx → 2 instances ${costs.nginxTwoInstances}`,
);
console.log(`Verdict: ${verdict}`);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "cluster.json"),
  `${JSON.stringify({ cores, connections, durationSeconds: duration, rounds, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, runs, scaling, requestsPerCpuSecond: costs, verdict }, null, 2)}\n`,
);
