import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.ts";
import { listenPGlite, listenPostgres, type Unlisten } from "./listen.ts";
import { openPGlite } from "./pglite.ts";
import { pgliteRunner, pgPoolRunner, statementName, type SqlRunner } from "./sql.ts";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob }
  | {
      kind: "postgres";
      url: string;
      /** Connections this process may hold; instances × poolSize must stay under max_connections. */
      poolSize?: number;
      /** How long a request waits for a free connection before failing (fast 503, not a hang). */
      connectionTimeoutMs?: number;
      /** Server-side cap on any single statement. */
      statementTimeoutMs?: number;
      /**
       * Client-side cap on waiting for a query's answer: what bounds a request when the server
       * is stalled (a frozen host cannot enforce its own statement timeout). Defaults to the
       * statement timeout plus five seconds.
       */
      queryTimeoutMs?: number;
      /** A read replica for the hot catalog reads (see readRunnerOf). */
      replicaUrl?: string;
    };

export type Database = {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  /** Raw access below Prisma, for migrations, bulk seeding and health checks. */
  sql: SqlRunner;
  /** Calls `onNotify` on every NOTIFY on `channel` (after the notifying transaction commits). */
  listen(channel: string, onNotify: () => void, onError?: (error: unknown) => void): Promise<Unlisten>;
  /** Connection pool occupancy, for metrics (PGlite is one connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
};

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "pglite") {
    const pglite = await openPGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    runners.set(prisma, pgliteRunner(pglite));
    return {
      kind: "pglite",
      prisma,
      sql: runners.get(prisma) ?? pgliteRunner(pglite),
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      listen: (channel, onNotify) => listenPGlite(pglite, channel, onNotify),
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const waitMs = config.connectionTimeoutMs ?? 5_000;
  const statementTimeout = config.statementTimeoutMs ?? 30_000;
  const timeouts = {
    connectionTimeoutMillis: waitMs,
    statement_timeout: statementTimeout,
    query_timeout: config.queryTimeoutMs ?? statementTimeout + 5_000,
  };
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, ...timeouts });
  // An idle connection dropped by the server (a restart, a failover) is discarded by the pool;
  // without a listener its 'error' event would crash the process.
  pool.on("error", () => {});
  // A transaction waits for a connection as long as a single query would, then fails fast.
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator }),
    transactionOptions: { maxWait: waitMs, timeout: 15_000 },
  });
  const sql = pgPoolRunner(pool);
  runners.set(prisma, sql);
  const replica = config.replicaUrl
    ? new pg.Pool({ connectionString: config.replicaUrl, max: config.poolSize ?? 10, ...timeouts })
    : null;
  replica?.on("error", () => {});
  if (replica) readers.set(prisma, pgPoolRunner(replica));
  return {
    kind: "postgres",
    prisma,
    sql,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, onNotify, onError = () => {}) => listenPostgres(config.url, channel, onNotify, onError),
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await replica?.end();
    },
  };
}

/**
 * Named prepared statements: each connection parses and plans a given SQL text once, then only
 * binds parameters. The set is bounded: every query's text comes from the code.
 */
const statementNameGenerator = (query: { sql: string }) => statementName(query.sql);

const runners = new WeakMap<PrismaClient, SqlRunner>();
const readers = new WeakMap<PrismaClient, SqlRunner>();

/**
 * The raw runner beside a Prisma client made by createDatabase. Hot read paths send their
 * `Prisma.sql` queries through it: Prisma's raw-query result handling costs more CPU than the
 * query itself for a page of rows (see docs/architecture.md, "Catalog performance").
 */
export function sqlRunnerOf(prisma: PrismaClient): SqlRunner | undefined {
  return runners.get(prisma);
}

/**
 * Where read-heavy queries that tolerate replication lag go: the replica when
 * DATABASE_REPLICA_URL is set, the primary otherwise.
 */
export function readRunnerOf(prisma: PrismaClient): SqlRunner | undefined {
  return readers.get(prisma) ?? runners.get(prisma);
}

/** DATABASE_URL set: that PostgreSQL; otherwise the embedded PGlite in `dataDir`. */
export function databaseConfigFrom(options: {
  databaseUrl?: string;
  replicaUrl?: string;
  dataDir: string;
  poolSize?: number;
  connectionTimeoutMs?: number;
}): DatabaseConfig {
  if (options.databaseUrl) {
    return {
      kind: "postgres",
      url: options.databaseUrl,
      poolSize: options.poolSize,
      connectionTimeoutMs: options.connectionTimeoutMs,
      replicaUrl: options.replicaUrl,
    };
  }
  return { kind: "pglite", dataDir: `${options.dataDir}/pglite` };
}
