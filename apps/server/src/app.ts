import fastifyCookie from "@fastify/cookie";
import { localDiskStorage, type ApiConfig } from "@shop/api";
import type { Database } from "@shop/db";
import Fastify from "fastify";
import type { ServerEnv } from "./env.ts";
import { healthRoutes } from "./routes/health.ts";
import { mediaRoutes } from "./routes/media.ts";
import { staticRoutes } from "./routes/static.ts";
import { trpcRoutes } from "./routes/trpc.ts";

export function apiConfigFrom(env: ServerEnv): ApiConfig {
  return {
    allowedOrigins: env.allowedOrigins,
    secureCookies: env.cookieSecure,
    mediaBaseUrl: env.MEDIA_BASE_URL,
    storage: localDiskStorage(env.mediaDir),
    currency: env.SHOP_CURRENCY,
    isDev: !env.production,
  };
}

/** The HTTP server without listening: what main.ts starts and tests inject requests into. */
export async function buildApp(env: ServerEnv, db: Database) {
  const app = Fastify({
    logger: env.LOG_LEVEL === "silent" ? false : { level: env.LOG_LEVEL },
    trustProxy: env.trustProxy,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    // Keep-alive longer than typical load-balancer idle timeouts avoids spurious 502s.
    keepAliveTimeout: 72_000,
  });
  await app.register(fastifyCookie);
  healthRoutes(app, db);
  await trpcRoutes(app, db, apiConfigFrom(env));
  await mediaRoutes(app, env.mediaDir);
  if (env.serveApps) await staticRoutes(app, { storefront: env.storefrontDist, admin: env.adminDist });
  return app;
}
