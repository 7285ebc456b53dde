import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { inFlightLimit } from "@shop/api";
import type { StorefrontRenderer } from "@shop/client/ssr";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ResponseCache } from "../cache/response-cache.ts";
import { singleFlight } from "../cache/single-flight.ts";
import type { ErrorReporter } from "../observability/error-reporter.ts";

type Page = { status: number; location: string; etag: string; html: string };
type Encoding = "br" | "gzip";

class TooManyAtOnce extends Error {}

// A cached page is one string: status, location and ETag on the first line, then the HTML.
const pack = (page: Page) => `${page.status} ${page.etag} ${page.location}\n${page.html}`;
function unpack(text: string): Page {
  const newline = text.indexOf("\n");
  const [status = "200", etag = "", location = ""] = text.slice(0, newline).split(" ");
  return { status: Number(status), etag, location, html: text.slice(newline + 1) };
}

function encodingFor(request: FastifyRequest): Encoding | null {
  const accepted = request.headers["accept-encoding"] ?? "";
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return null;
}

const compress = (html: string, encoding: Encoding) =>
  encoding === "br"
    ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(html, { level: 6 });

/**
 * Server-rendered storefront pages. Pages are rendered for an anonymous shopper, so one rendering
 * serves everyone: it is cached by URL under the catalog version (any change shoppers could see
 * drops it), together with its compressed copies, and concurrent misses of one URL render once.
 * Redirects, 404s and 410s are cached like pages. HTML is revalidated on every visit (no-cache,
 * ETag), so a deploy or a price change is seen at once.
 */
export function pageHandler(options: {
  renderer: StorefrontRenderer;
  cache: ResponseCache | null;
  errors: ErrorReporter;
  /** Renders (page cache misses) one client IP may have running at once; see lib/in-flight.ts. */
  inFlightPerIp: number;
}) {
  const { renderer, cache } = options;
  const rendering = singleFlight<Page>();
  const renders = inFlightLimit();

  async function render(url: string, ip: string): Promise<Page> {
    const page = await renders.run(
      `ip:${ip}`,
      options.inFlightPerIp,
      () => renderer.render(url),
      () => new TooManyAtOnce(),
    );
    const etag = `"${createHash("sha1").update(page.html).digest("base64url")}"`;
    return { status: page.status, location: page.location ?? "", etag, html: page.html };
  }

  async function load(url: string, ip: string): Promise<{ page: Page; hit: boolean; version: string | null }> {
    if (!cache) return { page: await render(url, ip), hit: false, version: null };
    const cached = await cache.get(`page:${url}`);
    if (cached.body !== null) return { page: unpack(cached.body), hit: true, version: cached.version };
    const page = await rendering.run(`${cached.version}:${url}`, async () => {
      const fresh = await render(url, ip);
      await cache.set(cached.version, `page:${url}`, pack(fresh));
      return fresh;
    });
    return { page, hit: false, version: cached.version };
  }

  /** The compressed body, from the cache when the same HTML (same ETag: a hash of it) was compressed before. */
  async function compressed(page: Page, encoding: Encoding, version: string | null) {
    if (!cache || version === null) return compress(page.html, encoding);
    const key = `${encoding}:${page.etag}`;
    const cached = await cache.get(key);
    if (cached.body !== null) return Buffer.from(cached.body, "base64");
    const body = compress(page.html, encoding);
    await cache.set(version, key, body.toString("base64"));
    return body;
  }

  return async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url;
    let loaded;
    try {
      loaded = await load(url, request.ip);
    } catch (error) {
      if (error instanceof TooManyAtOnce) {
        return reply
          .code(429)
          .header("retry-after", "1")
          .header("content-type", "text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .send(
            "<!DOCTYPE html><title>Too many requests</title><p>Too many pages at once. Please retry in a moment.</p>",
          );
      }
      request.log.error({ err: error, url }, "rendering a page failed");
      options.errors.capture(error, { path: url, requestId: request.id });
      return reply
        .code(500)
        .header("content-type", "text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(
          "<!DOCTYPE html><title>Something went wrong</title><p>Something went wrong on our side. Please try again.</p>",
        );
    }
    const { page, hit, version } = loaded;
    reply.code(page.status).header("cache-control", "no-cache").header("vary", "accept-encoding");
    if (cache) reply.header("x-cache", hit ? "hit" : "miss");
    if (page.location) return reply.header("location", page.location).send();
    reply.header("etag", page.etag).header("content-type", "text/html; charset=utf-8");
    if (page.status === 200 && request.headers["if-none-match"] === page.etag) return reply.code(304).send();
    const encoding = encodingFor(request);
    if (!encoding) return reply.send(page.html);
    return reply.header("content-encoding", encoding).send(await compressed(page, encoding, version));
  };
}
