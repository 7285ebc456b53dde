import { mkdirSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Stored images (product pictures), read from the local media directory. Their keys are never
 * reused, so a CDN in front of /media may cache them for a day.
 */
export async function mediaRoutes(app: FastifyInstance, mediaDir: string) {
  mkdirSync(mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: mediaDir,
    prefix: "/media/",
    decorateReply: false,
    cacheControl: false,
    setHeaders(reply) {
      reply.header("cache-control", "public, max-age=86400");
      reply.header("x-content-type-options", "nosniff");
      // SVGs are served as images only: no scripts even if one is opened directly.
      reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    },
  });
}
