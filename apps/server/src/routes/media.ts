import { contentTypeOf, isMediaKey, type MediaStorage } from "@shop/media";
import type { FastifyInstance } from "fastify";

/**
 * Stored images (product pictures), read from the media storage: the local directory, or the
 * bucket when images are not served from its public URL or a CDN. Their keys are never reused,
 * so caches may keep them for a day. A PNG or JPEG upload has a full-size WebP copy beside it
 * ("<key>.webp"); browsers that accept WebP get that copy under the same URL (`Vary: Accept`,
 * so caches keep one copy per kind of browser).
 */
export async function mediaRoutes(app: FastifyInstance, storage: MediaStorage) {
  app.get<{ Params: { "*": string } }>("/media/*", async (request, reply) => {
    const key = request.params["*"];
    const type = contentTypeOf(key);
    if (!type || !isMediaKey(key)) return reply.code(404).send({ error: "Not found" });
    const negotiable = type === "image/png" || type === "image/jpeg";
    const wantsWebp = negotiable && /\bimage\/webp\b/.test(request.headers.accept ?? "");
    let webp, found;
    try {
      webp = wantsWebp ? await storage.get(`${key}.webp`) : null;
      found = webp ?? (await storage.get(key));
    } catch (error) {
      // The bucket is unreachable or slow (each call is bounded by S3_TIMEOUT_MS): say so briefly.
      request.log.warn({ err: error }, "media storage unavailable");
      return reply.code(503).header("retry-after", "5").send({ error: "Image storage unavailable" });
    }
    if (!found) return reply.code(404).send({ error: "Not found" });
    if (negotiable) reply.header("vary", "Accept");
    if (found.lastModified) reply.header("last-modified", found.lastModified.toUTCString());
    return (
      reply
        .header("content-type", webp ? "image/webp" : type)
        .header("content-length", found.size)
        .header("cache-control", "public, max-age=86400")
        .header("x-content-type-options", "nosniff")
        // SVGs are served as images only: no scripts even if one is opened directly.
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .send(found.body)
    );
  });
}
