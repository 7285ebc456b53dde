import { timingSafeEqual } from "node:crypto";
import { appRouter } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { z } from "zod";

const procedures = new Set(Object.keys(appRouter._def.procedures));

/** A bounded label for a request: the route pattern, or the tRPC procedure it called. */
function routeOf(url: string, pattern: string | undefined) {
  if (pattern === "/trpc/:path") {
    const path = url.slice(6).split("?")[0] ?? "";
    return procedures.has(path) ? `trpc:${path}` : "trpc:batch";
  }
  return pattern ?? "unmatched";
}

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Prometheus metrics at /metrics, for a scraper holding METRICS_TOKEN: request rates, latencies
 * and errors per route or procedure, the database pool, queue depths, and order and revenue
 * totals (read from the database at scrape time, so every instance reports the same shop).
 * Without METRICS_TOKEN, /metrics is 404.
 */
export function metricsPlugin(app: FastifyInstance, options: { db: Database; token: string | undefined }) {
  const { token } = options;
  // Without a token there are no metrics: a plain 404, not the storefront's HTML fallback.
  if (!token) {
    app.get("/metrics", (_request, reply) => reply.code(404).send({ error: "Not found" }));
    return;
  }
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "shop_node_" });
  const requests = new Counter({
    name: "shop_http_requests_total",
    help: "HTTP requests",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "shop_http_request_duration_seconds",
    help: "HTTP request latency",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = new Gauge({
    name: "shop_db_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"],
    registers: [registry],
  });
  const queue = new Gauge({
    name: "shop_queue_depth",
    help: "Background work waiting",
    labelNames: ["queue"],
    registers: [registry],
  });
  const orders = new Gauge({ name: "shop_orders_paid_total", help: "Orders paid, ever", registers: [registry] });
  const revenue = new Gauge({
    name: "shop_revenue_minor_total",
    help: "Revenue of paid orders net of refunds, in minor units",
    registers: [registry],
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = routeOf(request.url, request.routeOptions.url);
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const Totals = z.object({
    outbox: z.number(),
    refunds: z.number(),
    unpaid: z.number(),
    paid: z.number(),
    revenue: z.number(),
  });
  app.get("/metrics", async (request, reply) => {
    const auth = request.headers.authorization ?? "";
    if (!auth.startsWith("Bearer ") || !sameToken(auth.slice(7), token))
      return reply.code(401).send({ error: "Unauthorized" });
    const stats = options.db.poolStats();
    pool.set({ state: "total" }, stats.total);
    pool.set({ state: "idle" }, stats.idle);
    pool.set({ state: "waiting" }, stats.waiting);
    const [totals] = await options.db.sql.query(`
      SELECT (SELECT count(*) FROM "EmailOutbox" WHERE "status" = 'PENDING')::int AS outbox,
             (SELECT count(*) FROM "Refund" WHERE "status" = 'PENDING')::int AS refunds,
             (SELECT count(*) FROM "Order" WHERE "paymentStatus" = 'PENDING' AND "state" = 'OPEN')::int AS unpaid,
             (SELECT count(*) FROM "Order" WHERE "paidAt" IS NOT NULL)::int AS paid,
             (SELECT COALESCE(sum("total" - "refundedTotal"), 0) FROM "Order" WHERE "paidAt" IS NOT NULL)::float8 AS revenue`);
    const parsed = Totals.parse(totals);
    queue.set({ queue: "email_outbox" }, parsed.outbox);
    queue.set({ queue: "refunds_pending" }, parsed.refunds);
    queue.set({ queue: "orders_awaiting_payment" }, parsed.unpaid);
    orders.set(parsed.paid);
    revenue.set(parsed.revenue);
    return reply.header("content-type", registry.contentType).send(await registry.metrics());
  });
}
