import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Built apps: the storefront at `/`, the admin at `/admin`. Vite's hashed files under
 * `assets/` never change, so they are cached for a year; HTML is revalidated every time so a
 * deploy is seen at once. The admin's paths fall back to its index.html (client routing); the
 * storefront's pages are rendered on the server by `storefrontPage`.
 */
export async function staticRoutes(
  app: FastifyInstance,
  dist: { storefront: string; admin: string },
  storefrontPage: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
) {
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
      // The storefront's "/" is a rendered page, not its client-only index.html.
      index: prefix === "/" ? false : ["index.html"],
      cacheControl: false,
      // The apps' builds write .br and .gz beside each asset (packages/config/vite/precompress.js).
      preCompressed: true,
      setHeaders(reply, path) {
        reply.header("cache-control", path.includes("/assets/") ? IMMUTABLE : "no-cache");
      },
    });
  }

  // "/" would reach the static plugin's directory handling (a 403): it is the home page.
  app.get("/", storefrontPage);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = /^\/(trpc|api|media|healthz|readyz)(\/|$)/.test(path);
    if ((request.method !== "GET" && request.method !== "HEAD") || isApi || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).send({ error: "Not found" });
    }
    const admin = path === "/admin" || path.startsWith("/admin/");
    if (!admin) return storefrontPage(request, reply);
    return reply.header("cache-control", "no-cache").sendFile("index.html", dist.admin);
  });
}
