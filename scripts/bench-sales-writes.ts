// npm run bench:sales-writes: what the sales summary's triggers add to a payment. Builds scratch
// PostgreSQL databases migrated up to `sales_summary` (whole-day recompute), `sales_incremental`
// (increments on one row a day) and `sales_shards` (8 rows a day), puts the same day of 5,000
// counted orders in each, then times one payment at a time (BEGIN; UPDATE "Order" SET "paymentStatus" =
// 'PAID' …; COMMIT) on that day, and the same payments with many connections at once
// (throughput). One more database with the triggers skipped is the baseline. Writes
// bench-results/sales-writes.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { prismaPaths } from "@shop/db";
import pg from "pg";
import { databaseUrl, loadAverage, percentile, root } from "./bench/harness.ts";

const DAY_ORDERS = 5_000;
const SEQUENTIAL = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const CONCURRENT = 400;
const CONNECTIONS = 16;
const prefix = process.env.BENCH_DB ?? "shop_bench_sales_writes";

type Result = { variant: string; p50Ms: number; p99Ms: number; meanMs: number; paymentsPerSecond: number };

async function prepare(name: string, lastMigration: string | null): Promise<string> {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dir = prismaPaths().migrations;
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of names) {
      if (lastMigration !== null && name > lastMigration) break;
      await client.query(readFileSync(join(dir, name, "migration.sql"), "utf8"));
    }
    // Today's counted orders (two lines each, of 20 products) in one statement, then the
    // pending orders the benchmark pays; the summary is built once, as the seed does.
    await client.query("BEGIN");
    await client.query(`SELECT set_config('shop.sales_summary', 'deferred', true)`);
    await client.query(
      `INSERT INTO "Order" ("email", "paymentStatus", "currency", "subtotal", "discountTotal", "shippingTotal", "taxTotal", "total",
                            "shippingMethodName", "placedAt", "paidAt", "updatedAt")
       SELECT 'bench' || g || '@example.com', CASE WHEN g <= $1::int THEN 'PAID' ELSE 'PENDING' END::"OrderPaymentStatus", 'USD',
              3000, 0, 500, 0, 3500, 'Standard', now() - interval '1 minute', CASE WHEN g <= $1::int THEN now() - interval '1 minute' END, now()
         FROM generate_series(1, $1::int + $2::int) AS g`,
      [DAY_ORDERS, SEQUENTIAL + CONCURRENT],
    );
    await client.query(
      `INSERT INTO "OrderItem" ("orderId", "productName", "sku", "unitPrice", "quantity", "total")
       SELECT o."id", 'Line', 'B-' || o."id" || '-' || k, 1500, 1, 1500 FROM "Order" o CROSS JOIN generate_series(1, 2) AS k`,
    );
    await client.query(`SELECT shop_sales_rebuild()`);
    await client.query("COMMIT");
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
  return url;
}

async function pendingIds(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(
    `SELECT "id" FROM "Order" WHERE "paymentStatus" = 'PENDING' ORDER BY "id"`,
  );
  return rows.map((row) => row.id);
}

async function pay(pool: pg.Pool, id: number): Promise<number> {
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    await client.query(
      `UPDATE "Order" SET "paymentStatus" = 'PAID', "paidAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
    return performance.now() - started;
  } finally {
    client.release();
  }
}

async function measure(variant: string, url: string, options: { withoutSummary?: boolean } = {}): Promise<Result> {
  // The baseline: the same payments with the summary's triggers skipped (the seed's mode).
  const pool = new pg.Pool({
    connectionString: url,
    max: CONNECTIONS,
    ...(options.withoutSummary ? { options: "-c shop.sales_summary=deferred" } : {}),
  });
  try {
    const ids = await pendingIds(pool);
    const sequential = ids.slice(0, SEQUENTIAL);
    const concurrent = ids.slice(SEQUENTIAL);
    const samples: number[] = [];
    // The first payments warm up connections and caches and are not counted.
    for (const [i, id] of sequential.entries()) {
      const ms = await pay(pool, id);
      if (i >= WARM_UP) samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (let id = concurrent[next++]; id !== undefined; id = concurrent[next++]) await pay(pool, id);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await pool.query<{ orders: number }>(`SELECT sum("orders")::int AS orders FROM "SalesDay"`);
    if (!options.withoutSummary && rows[0]?.orders !== DAY_ORDERS + SEQUENTIAL + CONCURRENT)
      throw new Error(`${variant}: summary holds ${rows[0]?.orders} orders`);
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return {
      variant,
      p50Ms: round(percentile(samples, 50)),
      p99Ms: round(percentile(samples, 99)),
      meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
      paymentsPerSecond: Math.round(concurrent.length / seconds),
    };
  } finally {
    await pool.end();
  }
}

const baselineUrl = await prepare(`${prefix}_baseline`, null);
const recomputeUrl = await prepare(`${prefix}_recompute`, "20261125172756_sales_summary");
const oneRowUrl = await prepare(`${prefix}_increments`, "20261125183000_sales_incremental");
const shardedUrl = await prepare(`${prefix}_sharded`, null);
const results = [
  await measure("no summary (triggers skipped)", baselineUrl, { withoutSummary: true }),
  await measure("whole-day recompute (sales_summary)", recomputeUrl),
  await measure("increments, one row a day (sales_incremental)", oneRowUrl),
  await measure("increments, 8 shards a day (sales_shards)", shardedUrl),
];
const load = loadAverage();
console.log(
  `\n${DAY_ORDERS} counted orders on the day; ${SEQUENTIAL - WARM_UP} payments one at a time (after ${WARM_UP} uncounted), then ${CONCURRENT} over ${CONNECTIONS} connections; ${cpus().length} cores, load average ${load}\n`,
);
console.table(
  results.map((r) => ({
    variant: r.variant,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    "mean ms": r.meanMs,
    "payments/s": r.paymentsPerSecond,
  })),
);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "sales-writes.json"),
  `${JSON.stringify({ dayOrders: DAY_ORDERS, sequential: SEQUENTIAL, concurrent: CONCURRENT, connections: CONNECTIONS, cores: cpus().length, loadAverage: load, results }, null, 2)}\n`,
);
