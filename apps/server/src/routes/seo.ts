import { gzipSync } from "node:zlib";
import {
  categorySitemap,
  productSitemapChunk,
  productSitemapChunks,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ResponseCache } from "../cache/response-cache.ts";
import { singleFlight } from "../cache/single-flight.ts";

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const MIN_GZIP = 500;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** Pages crawlers should not spend time on: private pages and endless search and filter combinations. */
const DISALLOWED = [
  "/cart",
  "/checkout",
  "/account",
  "/orders/",
  "/order-confirmation/",
  "/search",
  "/admin",
  "/trpc/",
  "/api/",
];

/**
 * /robots.txt and the sitemaps: /sitemap.xml is an index of /sitemaps/pages.xml (home and the
 * categories with live products) and /sitemaps/products-N.xml (live products, at most `chunkSize`
 * URLs each, the protocol's 50,000 by default), `lastmod` from the rows. Each file is generated
 * once per catalog version (cached with the pages, dropped on any catalog change), a product chunk
 * in batches of keyset pages.
 */
export function seoRoutes(
  app: FastifyInstance,
  options: { db: Database; publicUrl: string; cache: ResponseCache | null; chunkSize?: number },
) {
  const { db, publicUrl, cache } = options;
  const chunkSize = options.chunkSize ?? SITEMAP_MAX_URLS;
  const flights = singleFlight<{ body: string; gzipped: Buffer | null }>();
  const urlset = (urls: SitemapUrl[]) =>
    urls
      .map(
        (url) =>
          `<url><loc>${escapeXml(publicUrl + url.path)}</loc><lastmod>${url.lastmod.toISOString()}</lastmod></url>`,
      )
      .join("\n");

  type File = { body: string; gzipped: Buffer | null };

  /**
   * A generated file and its gzipped copy (sitemaps run to megabytes: compressing one per request
   * would cost more than reading it from the cache), made once however many crawlers ask at once.
   */
  async function cached(key: string, make: () => Promise<string | null>): Promise<File | null> {
    const entry = cache ? await cache.get(key) : null;
    if (entry?.body) {
      const gzipped = entry.body.length > MIN_GZIP && cache ? (await cache.get(`${key}:gz`)).body : null;
      return { body: entry.body, gzipped: gzipped ? Buffer.from(gzipped, "base64") : null };
    }
    const file = await flights.run(`${entry?.version ?? ""}:${key}`, async () => {
      const body = (await make()) ?? "";
      const gzipped = body.length > MIN_GZIP ? gzipSync(body, { level: 6 }) : null;
      if (cache && entry) {
        await cache.set(entry.version, key, body);
        if (gzipped) await cache.set(entry.version, `${key}:gz`, gzipped.toString("base64"));
      }
      return { body, gzipped };
    });
    return file.body ? file : null;
  }

  function send(request: FastifyRequest, reply: FastifyReply, type: string, file: File | null) {
    if (file === null) return reply.code(404).header("content-type", "text/plain; charset=utf-8").send("Not found");
    reply.header("content-type", type).header("cache-control", "no-cache").header("vary", "accept-encoding");
    if (file.gzipped && /\bgzip\b/.test(request.headers["accept-encoding"] ?? ""))
      return reply.header("content-encoding", "gzip").send(file.gzipped);
    return reply.send(file.body);
  }

  app.get("/robots.txt", (request, reply) =>
    send(request, reply, "text/plain; charset=utf-8", {
      gzipped: null,
      body: [
        "User-agent: *",
        ...DISALLOWED.map((path) => `Disallow: ${path}`),
        "",
        `Sitemap: ${publicUrl}/sitemap.xml`,
        "",
      ].join("\n"),
    }),
  );

  app.get("/sitemap.xml", async (request, reply) => {
    const body = await cached("sitemap:index", async () => {
      const [chunks, categories] = await Promise.all([
        productSitemapChunks(db.prisma, chunkSize),
        categorySitemap(db.prisma),
      ]);
      const newest = categories.reduce<Date | null>((at, url) => (!at || url.lastmod > at ? url.lastmod : at), null);
      const entries = [
        { loc: `${publicUrl}/sitemaps/pages.xml`, lastmod: newest },
        ...chunks.map((chunk) => ({
          loc: `${publicUrl}/sitemaps/products-${chunk.chunk + 1}.xml`,
          lastmod: chunk.lastmod,
        })),
      ];
      const items = entries.map(
        (entry) =>
          `<sitemap><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : ""}</sitemap>`,
      );
      return `${XML_HEAD}<sitemapindex ${NS}>\n${items.join("\n")}\n</sitemapindex>\n`;
    });
    return send(request, reply, "application/xml; charset=utf-8", body);
  });

  app.get("/sitemaps/pages.xml", async (request, reply) => {
    const body = await cached("sitemap:pages", async () => {
      const categories = await categorySitemap(db.prisma);
      const home = `<url><loc>${escapeXml(`${publicUrl}/`)}</loc></url>`;
      return `${XML_HEAD}<urlset ${NS}>\n${home}\n${urlset(categories)}\n</urlset>\n`;
    });
    return send(request, reply, "application/xml; charset=utf-8", body);
  });

  app.get<{ Params: { chunk: string } }>("/sitemaps/products-:chunk.xml", async (request, reply) => {
    const chunk = /^[1-9]\d{0,6}$/.test(request.params.chunk) ? Number(request.params.chunk) - 1 : -1;
    const body =
      chunk < 0
        ? null
        : await cached(`sitemap:products-${chunk}`, async () => {
            const parts: string[] = [];
            await productSitemapChunk(db.prisma, chunk, (urls) => parts.push(urlset(urls)), chunkSize);
            return parts.length ? `${XML_HEAD}<urlset ${NS}>\n${parts.join("\n")}\n</urlset>\n` : null;
          });
    return send(request, reply, "application/xml; charset=utf-8", body);
  });
}
