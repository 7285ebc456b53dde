import { PrismaPg } from "@prisma/adapter-pg";
import { tmpdir } from "node:os";
import { createCaller, createContextInner, createMemoryStore, createTestProvider, type ApiConfig } from "@shop/api";
import { PrismaClient } from "@shop/db";
import { localDiskStorage } from "@shop/media";
import pg from "pg";
import { SEARCH_WALK } from "../../packages/api/src/services/catalog/search-page.ts";
import { searchSharesRead } from "../../packages/api/src/services/catalog/search-shares.ts";
import type { BenchCase } from "./cases.ts";

/**
 * `seqScanFails`: whether a seq scan of Product fails the bench. Listings, searches and the
 * product page read a page of rows and must find them through an index; facet counts count every
 * product that passes the filters, where reading the whole table can be the right plan on a
 * large shop, and suggestions read up to 2,000 best sellers first, which on a small catalogue is
 * the whole table: theirs are reported and not judged. Searches read up to SEARCH_WALK best
 * sellers first too: theirs are judged only on a catalogue larger than that.
 */
export type PlanReport = {
  name: string;
  queries: number;
  seqScansOfProduct: number;
  seqScanFails: boolean;
  indexes: string[];
  /** With `analyze`: each statement's EXPLAIN (ANALYZE, BUFFERS) text, run with its real values. */
  analyzed?: string[];
};

const config: ApiConfig = {
  publicUrl: "http://localhost:3000",
  devMailbox: true,
  mailboxShowsSecrets: false,
  checkoutPerMinute: 30,
  reservationMinutes: 15,
  apiKeyPerMinute: 600,
  allowedOrigins: [],
  secureCookies: true,
  mediaBaseUrl: "/media",
  storage: localDiskStorage(tmpdir()),
  currency: "USD",
  isDev: false,
};

type PlanNode = { "Node Type"?: string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/**
 * Runs each case once through the real procedures with Prisma's query log on, then EXPLAINs
 * every SQL statement it issued: how many queries a request costs, which indexes they use, and
 * whether any scans the whole Product table.
 */
export async function explainCases(
  url: string,
  cases: BenchCase[],
  options: { analyze?: boolean } = {},
): Promise<PlanReport[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  // The statistics a running server holds after its first search (read in the background there).
  await searchSharesRead(prisma);
  let captured: Array<{ sql: string; params: unknown[] }> = [];
  prisma.$on("query", (event) => captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  const req = {
    ip: null,
    userAgent: null,
    origin: null,
    secFetchSite: null,
    doNotTrack: false,
    cartToken: null,
    setCookie: () => {},
    setHeader: () => {},
  };
  const caller = createCaller(
    createContextInner({
      db: prisma,
      config,
      req,
      auth: null,
      limits: createMemoryStore(),
      payments: createTestProvider(prisma),
    }),
  );
  const call = async (benchCase: BenchCase): Promise<unknown> => {
    switch (benchCase.path) {
      case "catalog.list":
        return caller.catalog.list(benchCase.input);
      case "catalog.get":
        return caller.catalog.get(benchCase.input);
      case "catalog.facets":
        return caller.catalog.facets(benchCase.input);
      case "catalog.suggest":
        return caller.catalog.suggest(benchCase.input);
    }
  };
  const reports: PlanReport[] = [];
  const [active] = (
    await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Product" WHERE "status" = 'ACTIVE'`)
  ).rows;
  const walksWholeTable = (active?.n ?? 0) <= SEARCH_WALK;
  try {
    for (const benchCase of cases) {
      captured = [];
      await call(benchCase);
      const report: PlanReport = {
        name: benchCase.name,
        queries: captured.length,
        seqScansOfProduct: 0,
        seqScanFails:
          benchCase.path === "catalog.list"
            ? !(benchCase.input.q && walksWholeTable)
            : benchCase.path !== "catalog.facets" && benchCase.path !== "catalog.suggest",
        indexes: [],
      };
      for (const query of captured) {
        const result = await pool.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (FORMAT JSON) ${query.sql}`,
          query.params,
        );
        const plan = result.rows[0]?.["QUERY PLAN"][0]?.Plan;
        if (options.analyze) {
          const analyzed = await pool.query<{ "QUERY PLAN": string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
            query.params,
          );
          report.analyzed = [
            ...(report.analyzed ?? []),
            [query.sql, ...analyzed.rows.map((row) => row["QUERY PLAN"])].join("\n"),
          ];
        }
        if (!plan) continue;
        walk(plan, (node) => {
          if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Product") report.seqScansOfProduct++;
          if (node["Index Name"] && !report.indexes.includes(node["Index Name"]))
            report.indexes.push(node["Index Name"]);
        });
      }
      reports.push(report);
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
  return reports;
}
