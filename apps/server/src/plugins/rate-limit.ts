import type { RateLimitStore } from "@shop/api";
import type { FastifyInstance } from "fastify";

/**
 * A ceiling on requests per client IP per minute, across instances when the store is Redis.
 * Abusive clients get 429 with Retry-After before any work is done for them; the health checks
 * are exempt so load balancers never see 429.
 */
export function globalRateLimit(app: FastifyInstance, options: { store: RateLimitStore; perMinute: number }) {
  app.addHook("onRequest", async (request, reply) => {
    if (request.url === "/healthz" || request.url === "/readyz" || request.url.startsWith("/metrics")) return;
    const counter = await options.store.increment(`global:${request.ip}`, 60_000);
    if (counter.count > options.perMinute) {
      const seconds = Math.max(1, Math.ceil((counter.resetAt - Date.now()) / 1000));
      return reply
        .code(429)
        .header("retry-after", String(seconds))
        .send({ error: "Too many requests", retryAfterSeconds: seconds });
    }
  });
}
