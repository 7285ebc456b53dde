import { Prisma, readRunnerOf, sqlRunnerOf, type PrismaClient, type SqlRunner } from "@shop/db";
import type { z } from "zod";

/** Raw SQL rows are validated, not cast: a renamed column fails loudly here. */
export async function parseRows<S extends z.ZodType>(schema: S, rows: Promise<unknown>): Promise<z.output<S>[]> {
  const result: unknown = await rows;
  if (!Array.isArray(result)) throw new Error("expected rows from a raw query");
  return result.map((row) => schema.parse(row));
}

/**
 * Runs a `Prisma.sql` read (always parameterised) on the raw runner beside the client (the read
 * replica when one is configured: catalog reads tolerate its lag), as a
 * prepared statement; falls back to `$queryRaw` for a client made elsewhere (same SQL, slower).
 * Callers validate the rows with a zod schema.
 */
export async function readRows(db: PrismaClient, query: Prisma.Sql): Promise<unknown> {
  const runner = readRunnerOf(db);
  if (!runner) return db.$queryRaw(query);
  return runner.queryPrepared(query.text, query.values);
}

/**
 * `Prisma.sql` statements on the primary, as prepared statements, with transactions on one
 * connection. The cart and checkout run on it: Prisma's interactive transactions cost several
 * round trips and far more CPU than these few statements (docs/architecture.md, "Checkout
 * performance").
 */
export type Sql = {
  rows(query: Prisma.Sql): Promise<unknown[]>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
};

const overRunner = (runner: SqlRunner): Sql => ({
  rows: (query) => runner.queryPrepared(query.text, query.values),
  transaction: (fn) => runner.transaction((tx) => fn(overRunner(tx))),
});

type RawClient = { $queryRaw(query: Prisma.Sql): Promise<unknown> };
const asRows = async (result: Promise<unknown>) => {
  const rows = await result;
  if (!Array.isArray(rows)) throw new Error("expected rows from a raw query");
  const list: unknown[] = rows;
  return list;
};

// A client made elsewhere has no runner: the same statements through its raw queries.
const overPrisma = (db: PrismaClient): Sql => ({
  rows: (query) => asRows(db.$queryRaw(query)),
  transaction: (fn) =>
    db.$transaction((tx: RawClient) =>
      fn({
        rows: (query) => asRows(tx.$queryRaw(query)),
        transaction: () => Promise.reject(new Error("nested transaction")),
      }),
    ),
});

const made = new WeakMap<PrismaClient, Sql>();

export function sqlOf(db: PrismaClient): Sql {
  let sql = made.get(db);
  if (!sql) {
    const runner = sqlRunnerOf(db);
    sql = runner ? overRunner(runner) : overPrisma(db);
    made.set(db, sql);
  }
  return sql;
}

/** The rows of a statement, each validated by `schema`. */
export async function sqlRows<S extends z.ZodType>(sql: Sql, schema: S, query: Prisma.Sql): Promise<z.output<S>[]> {
  return (await sql.rows(query)).map((row) => schema.parse(row));
}

/** `timestamp(3)` columns hold UTC (Prisma's convention), whatever the session's time zone. */
export const utcNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
