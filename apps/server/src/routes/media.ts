import { createReadStream, mkdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { FastifyInstance } from "fastify";

const TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
};
const KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;

const fileStat = (file: string) =>
  stat(file).then(
    (found) => (found.isFile() ? found : null),
    () => null,
  );

/**
 * Stored images (product pictures), read from the local media directory. Their keys are never
 * reused, so a CDN in front of /media may cache them for a day. A PNG or JPEG upload has a WebP
 * copy beside it ("<key>.webp"); browsers that accept WebP get that copy under the same URL
 * (`Vary: Accept`, so caches keep one copy per kind of browser).
 */
export async function mediaRoutes(app: FastifyInstance, mediaDir: string) {
  mkdirSync(mediaDir, { recursive: true });
  const base = resolve(mediaDir);
  app.get<{ Params: { "*": string } }>("/media/*", async (request, reply) => {
    const key = request.params["*"];
    const type = TYPES[extname(key).toLowerCase()];
    const file = resolve(base, key);
    if (!type || !KEY.test(key) || key.includes("..") || !file.startsWith(base + sep))
      return reply.code(404).send({ error: "Not found" });
    const negotiable = type === "image/png" || type === "image/jpeg";
    const wantsWebp = negotiable && /\bimage\/webp\b/.test(request.headers.accept ?? "");
    const webp = wantsWebp ? await fileStat(`${file}.webp`) : null;
    const found = webp ?? (await fileStat(file));
    if (!found) return reply.code(404).send({ error: "Not found" });
    if (negotiable) reply.header("vary", "Accept");
    return (
      reply
        .header("content-type", webp ? "image/webp" : type)
        .header("content-length", found.size)
        .header("last-modified", found.mtime.toUTCString())
        .header("cache-control", "public, max-age=86400")
        .header("x-content-type-options", "nosniff")
        // SVGs are served as images only: no scripts even if one is opened directly.
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .send(createReadStream(webp ? `${file}.webp` : file))
    );
  });
}
