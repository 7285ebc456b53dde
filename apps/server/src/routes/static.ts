import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Built apps: the storefront at `/`, the admin at `/admin`. Vite's hashed files under
 * `assets/` never change, so they are cached for a year; HTML is revalidated every time so a
 * deploy is seen at once. Unknown paths fall back to the app's index.html (client routing).
 */
export async function staticRoutes(app: FastifyInstance, dist: { storefront: string; admin: string }) {
  for (const [prefix, root] of [
    ["/admin/", dist.admin],
    ["/", dist.storefront],
  ] as const) {
    if (!existsSync(root)) throw new Error(`${root} is missing: run "npm run build" first`);
    await app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: prefix === "/",
      wildcard: true,
      index: ["index.html"],
      cacheControl: false,
      // The apps' builds write .br and .gz beside each asset (packages/config/vite/precompress.js).
      preCompressed: true,
      setHeaders(reply, path) {
        reply.header("cache-control", path.includes("/assets/") ? IMMUTABLE : "no-cache");
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = /^\/(trpc|api|media|healthz|readyz|metrics)(\/|$)/.test(path);
    if (request.method !== "GET" || isApi || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).send({ error: "Not found" });
    }
    const admin = path === "/admin" || path.startsWith("/admin/");
    return reply.header("cache-control", "no-cache").sendFile("index.html", admin ? dist.admin : dist.storefront);
  });
}
