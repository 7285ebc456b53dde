// npm run bench:checkout: add to cart and orders per second against PostgreSQL, through the
// production server over HTTP: new visitors adding an item (autocannon, 32 connections), 32
// shoppers buying distinct products (uncontended), then 200 shoppers racing for the last 50
// units of one product (contended), counting oversold units. Writes bench-results/checkout.json.
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { cpus } from "node:os";
import {
  cpuTimes,
  loadAverage,
  percentile,
  root,
  seededDatabase,
  startServer,
  type CpuTimes,
} from "./bench/harness.ts";

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const dbName = process.env.BENCH_DB ?? "shop_bench";
const dbUrl = await seededDatabase(dbName, { products: 10_000, orders: 0 });
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();

// node:http with a keep-alive agent: fetch (undici) costs the load generator several times more
// CPU per request, and here it shares the two cores with the server and PostgreSQL it measures.
const cores = cpus().length;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** A shopper with its own cart cookie, like a browser tab. */
function shopper(base: string) {
  let cookie = "";
  const { hostname, port } = new URL(base);
  return (path: string, json: unknown) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ json });
      const request = http.request(
        {
          agent,
          hostname,
          port,
          path: `/trpc/${path}`,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            origin: base,
            ...(cookie ? { cookie } : {}),
          },
        },
        (response) => {
          const set = response.headers["set-cookie"]?.[0];
          if (set) cookie = set.split(";")[0] ?? cookie;
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
}

const order = (i: number) => ({
  idempotencyKey: crypto.randomUUID(),
  email: `bench${i}@example.com`,
  shippingAddress: {
    fullName: "Bench Shopper",
    line1: "1 Load Lane",
    city: "Austin",
    region: "TX",
    postalCode: "73301",
    country: "US",
  },
  shippingMethod: "standard",
});

const variants = async (count: number, stock: number, offset = 0) => {
  const { rows } = await db.query<{ id: number }>(
    `SELECT v.id FROM "Variant" v JOIN "Product" p ON p.id = v."productId" WHERE p.status = 'ACTIVE' ORDER BY v.id LIMIT $1 OFFSET $2`,
    [count, offset],
  );
  await db.query(`UPDATE "Variant" SET "stockOnHand" = $2, "reserved" = 0 WHERE id = ANY($1)`, [
    rows.map((r) => r.id),
    stock,
  ]);
  return rows.map((r) => r.id);
};

const server = await startServer({
  databaseUrl: dbUrl,
  port: Number(process.env.BENCH_PORT ?? 3998),
  env: { CHECKOUT_RATE_LIMIT_PER_MINUTE: "100000000", DATABASE_POOL_SIZE: "20" },
});
try {
  // Add to cart as a new visitor: each request creates a guest cart, adds the item and prices
  // the cart afresh (what the product page's button costs).
  const [addable] = await variants(1, 1_000_000, 200);
  const addRequest = {
    url: `${server.base}/trpc/cart.add`,
    method: "POST" as const,
    headers: { "content-type": "application/json", origin: server.base },
    body: JSON.stringify({ json: { variantId: addable } }),
    connections: 32,
  };
  await autocannon({ ...addRequest, duration: 2 });
  const added = await autocannon({ ...addRequest, duration });
  const addToCart = {
    name: "add to cart, new visitor",
    requestsPerSecond: Math.round(added.requests.average),
    p50Ms: added.latency.p50,
    p99Ms: added.latency.p99,
    errors: added.errors + added.timeouts + added.non2xx,
  };

  // Uncontended: 32 shoppers, each on its own product, adding to the cart and checking out in a loop.
  const own = await variants(32, 1_000_000);
  const latencies: number[] = [];
  let orders = 0;
  let errors = 0;
  const deadline = Date.now() + duration * 1000;
  const warmup = Date.now() + 2000;
  let cpuAtWarmup: Promise<CpuTimes> | null = null;
  const warmed = setTimeout(() => (cpuAtWarmup = cpuTimes(server, db, dbName)), 2000);
  await Promise.all(
    own.map(async (variantId, i) => {
      const call = shopper(server.base);
      while (Date.now() < deadline) {
        await call("cart.add", { variantId });
        const started = performance.now();
        const status = await call("checkout.placeOrder", order(i));
        if (Date.now() < warmup) continue;
        latencies.push(performance.now() - started);
        if (status === 200) orders++;
        else errors++;
      }
    }),
  );
  clearTimeout(warmed);
  const cpuAtEnd = await cpuTimes(server, db, dbName);
  const cpuStart = (await cpuAtWarmup) ?? cpuAtEnd;
  const perOrder = (key: keyof CpuTimes) =>
    orders ? Math.round((10 * (cpuAtEnd[key] - cpuStart[key])) / orders) / 10 : 0;
  const cpuPerOrder = {
    serverMs: perOrder("server"),
    postgresMs: perOrder("postgres"),
    loadGeneratorMs: perOrder("client"),
  };
  const cpuTotal = cpuPerOrder.serverMs + cpuPerOrder.postgresMs + cpuPerOrder.loadGeneratorMs;
  latencies.sort((a, b) => a - b);
  const measured = duration - 2;
  const uncontended = {
    name: "checkout, 32 shoppers on distinct products",
    requestsPerSecond: Math.round(orders / measured),
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    errors,
  };

  // Contended: 200 shoppers, one cart each, all checking out the last 50 units at once.
  const [scarce] = await variants(1, 50, 100);
  const before =
    (await db.query<{ max: number }>(`SELECT COALESCE(MAX(id), 0)::int AS max FROM "Order"`)).rows[0]?.max ?? 0;
  const shoppers = Array.from({ length: 200 }, () => shopper(server.base));
  for (const call of shoppers) await call("cart.add", { variantId: scarce });
  const started = performance.now();
  const timings: number[] = [];
  const statuses = await Promise.all(
    shoppers.map(async (call, i) => {
      const t = performance.now();
      const status = await call("checkout.placeOrder", order(1000 + i));
      timings.push(performance.now() - t);
      return status;
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  timings.sort((a, b) => a - b);
  const { rows } = await db.query<{ stock: number; reserved: number; sold: number }>(
    `SELECT v."stockOnHand" AS stock, v.reserved, COALESCE((SELECT SUM(quantity)::int FROM "OrderItem" i WHERE i."variantId" = v.id AND i."orderId" > $2), 0) AS sold
       FROM "Variant" v WHERE v.id = $1`,
    [scarce, before],
  );
  const level = rows[0] ?? { stock: 0, reserved: 0, sold: 0 };
  const placed = statuses.filter((s) => s === 200).length;
  const contended = {
    name: "checkout, 200 shoppers racing for 50 units",
    requestsPerSecond: Math.round(placed / elapsed),
    p50Ms: Math.round(percentile(timings, 50)),
    p99Ms: Math.round(percentile(timings, 99)),
    errors: statuses.filter((s) => s !== 200 && s !== 412).length,
    ordersPlaced: placed,
    refusedOutOfStock: statuses.filter((s) => s === 412).length,
    oversoldUnits: Math.max(0, level.sold - 50, level.reserved - level.stock),
  };

  const load = loadAverage();
  console.log(`\nPostgreSQL, production server, ${duration} s uncontended (2 s warm-up), load average ${load}\n`);
  console.table([addToCart, uncontended, contended]);
  // CPU per order hardly depends on what else runs on the machine; throughput does.
  const capacity = cpuTotal ? Math.round((cores * 1000) / cpuTotal) : 0;
  console.log(
    `CPU per uncontended order (cart.add + checkout.placeOrder): server ${cpuPerOrder.serverMs} ms, PostgreSQL ${cpuPerOrder.postgresMs} ms, ` +
      `load generator ${cpuPerOrder.loadGeneratorMs} ms: about ${capacity} orders/s if ${cores} cores did nothing else.`,
  );
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(
    join(root, "bench-results", "checkout.json"),
    `${JSON.stringify({ durationSeconds: duration, loadAverage: load, cores, cpuPerOrder, cpuBoundOrdersPerSecond: capacity, cases: [addToCart, uncontended, contended], oversoldUnits: contended.oversoldUnits }, null, 2)}\n`,
  );
  if (contended.oversoldUnits > 0 || placed !== 50) process.exitCode = 1;
} finally {
  agent.destroy();
  await server.stop();
  await db.end();
}
