// npm run bench:catalog: seeds 10,000 products into a scratch PostgreSQL database (reused when
// already seeded), starts the production server on it, checks the query plans, then measures
// four catalog requests at 32 connections with autocannon. Writes bench-results/catalog.json.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { benchCases, deepFilters, trpcUrl } from "./bench/cases.ts";
import { explainCases } from "./bench/explain.ts";

const PRODUCTS = 10_000;
const root = join(import.meta.dirname, "..");
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = process.env.BENCH_DB ?? "shop_bench";
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3999);
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const base = `http://127.0.0.1:${port}`;

async function seeded(): Promise<boolean> {
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ products: number }>(`SELECT count(*)::int AS products FROM "Product"`);
    return (rows[0]?.products ?? 0) >= PRODUCTS;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "shop-bench-"));
if (await seeded()) {
  console.log(`Reusing ${dbName} (already has ${PRODUCTS} products).`);
} else {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  await run("npx", ["tsx", "packages/db/scripts/seed.ts", "--products", String(PRODUCTS), "--orders", "0"], { DATABASE_URL: dbUrl, DATA_DIR: dataDir });
}

const server = spawn(process.execPath, ["apps/server/dist/main.js"], {
  cwd: root,
  env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_URL: dbUrl, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", SERVE_APPS: "false" },
  stdio: ["ignore", "inherit", "inherit"],
});
try {
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (tries > 240) throw new Error("the server did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
  // Other work on the machine takes cores from the server, PostgreSQL and the load generator.
  const load = loadavg().map((value) => value.toFixed(2)).join(" ");
  console.log(`\n${PRODUCTS} products, 32 connections, ${duration} s per case, NODE_ENV=production, load average ${load}\n`);
  console.table(results);
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(
    join(root, "bench-results", "catalog.json"),
    `${JSON.stringify({ products: PRODUCTS, connections: 32, durationSeconds: duration, loadAverage: load, cases: results, plans }, null, 2)}\n`,
  );
  if (plans.some((plan) => plan.seqScansOfProduct > 0)) process.exitCode = 1;
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
