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
      // The storefront's files get a route each (listed once at start), so its pages, rendered by
      // the server, never cost a file-system look-up; the admin falls back to its index.html.
      wildcard: prefix !== "/",
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

  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: "Not found" });
  const isFile = (path: string) => /\.[a-z0-9]+$/i.test(path);
  const adminApp = (reply: FastifyReply) =>
    reply.header("cache-control", "no-cache").sendFile("index.html", dist.admin);
  // Every other GET is a storefront page, except what only looks like one: a missing file or API
  // path is a plain 404, and /admin is the admin's.
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (/^\/(trpc|api|media|healthz|readyz|metrics)(\/|$)/.test(path) || isFile(path)) return notFound(reply);
    if (path === "/admin") return adminApp(reply);
    return storefrontPage(request, reply);
  };
  app.get("/", page);
  app.get("/*", page);
  // The admin's client-side routes (no file under /admin/ by that name) load its app.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const get = request.method === "GET" || request.method === "HEAD";
    return get && path.startsWith("/admin/") && !isFile(path) ? adminApp(reply) : notFound(reply);
  });
}
