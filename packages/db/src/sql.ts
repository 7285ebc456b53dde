import { createHash } from "node:crypto";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The few raw operations that work below Prisma: migrations, bulk seeding, test setup and
 * health checks. One interface over node-postgres and PGlite keeps that code identical on both.
 */
export type SqlRunner = {
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Like `query`, as a named prepared statement on PostgreSQL: each connection parses and plans
   * the text once. Only for texts written in the code (values always go in `params`).
   */
  queryPrepared(text: string, params: unknown[]): Promise<unknown[]>;
  /** Runs `fn` inside a transaction on one connection. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection, e.g. to hold a session-level advisory lock. */
  withConnection<T>(fn: (conn: SqlRunner) => Promise<T>): Promise<T>;
};

type Queryable = {
  exec(script: string): Promise<unknown>;
  query<Row>(text: string, params?: unknown[], name?: string): Promise<{ rows: Row[] }>;
};

/** Equal texts share one statement name, so each is prepared once per connection. */
export function statementName(text: string): string {
  return `s_${createHash("sha1").update(text).digest("base64url")}`;
}

function runner(
  db: Queryable,
  transaction: SqlRunner["transaction"],
  withConnection: SqlRunner["withConnection"],
): SqlRunner {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query<Row extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async queryPrepared(text, params) {
      return (await db.query<Record<string, unknown>>(text, params, statementName(text))).rows;
    },
    transaction,
    withConnection,
  };
}

const nested = (): never => {
  throw new Error("SqlRunner: nested transactions are not supported");
};

/**
 * PGlite is a single connection shared by everyone, so "a dedicated connection" means taking
 * turns: withConnection holds an in-process lock (session advisory locks cannot exclude
 * callers that share the session).
 */
export function pgliteRunner(db: PGlite): SqlRunner {
  let turn: Promise<unknown> = Promise.resolve();
  // PGlite has no named statements (its third argument is options): drop the name.
  const unnamed = (q: PGlite | Transaction): Queryable => ({
    exec: (script) => q.exec(script),
    query: <Row>(text: string, params?: unknown[]) => q.query<Row>(text, params),
  });
  const self: SqlRunner = runner(
    unnamed(db),
    (fn) => db.transaction((tx) => fn(runner(unnamed(tx), nested, (inner) => inner(self)))),
    (fn) => {
      const mine = turn.then(() => fn(self));
      turn = mine.catch(() => undefined);
      return mine;
    },
  );
  return self;
}

function pgQueryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    exec: (script) => client.query(script),
    async query<Row>(text: string, params?: unknown[], name?: string) {
      const result = await client.query(name ? { name, text, values: params } : { text, values: params });
      const rows: Row[] = result.rows;
      return { rows };
    },
  };
}

function pgClientRunner(client: pg.PoolClient): SqlRunner {
  const self: SqlRunner = runner(
    pgQueryable(client),
    async (fn) => {
      await client.query("BEGIN");
      try {
        const result = await fn({ ...self, transaction: nested });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    (fn) => fn(self),
  );
  return self;
}

export function pgPoolRunner(pool: pg.Pool): SqlRunner {
  const withConnection: SqlRunner["withConnection"] = async (fn) => {
    const client = await pool.connect();
    try {
      return await fn(pgClientRunner(client));
    } finally {
      client.release();
    }
  };
  return runner(pgQueryable(pool), (fn) => withConnection((conn) => conn.transaction(fn)), withConnection);
}
