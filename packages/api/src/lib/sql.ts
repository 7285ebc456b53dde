import { Prisma, readRunnerOf, sqlRunnerOf, type PrismaClient, type SqlRunner } from "@shop/db";
import { sql, type Compilable, type CompiledQuery } from "kysely";

/**
 * A row as a typed query yields it. A column the schema no longer has (renamed, dropped) reads
 * as `any` in Kysely's inference (and as `never` in a Prisma `select`) after the error in the
 * query itself; such keys are left out here, so every screen that shows the column fails to
 * compile too, instead of receiving an `any` that type-checks everywhere.
 */
export type Row<O> = { [K in keyof O as Broken<O[K]> extends true ? never : K]: Known<O[K]> };
type Broken<T> = 0 extends 1 & T ? true : [T] extends [never] ? true : false;
// The same inside JSON built by the query (json_agg, json_build_object) and nested results.
export type Known<T> = T extends Date ? T : T extends readonly (infer E)[] ? Known<E>[] : T extends object ? Row<T> : T;

/**
 * What a service hands to the router, with the same keys left out: a value derived from a
 * renamed column (`unitPrice: line.price`) is `any` after the error and would reach the apps
 * as such. The value itself is unchanged; only its type loses keys the compiler could not type.
 */
export const known = <T>(value: T): Known<T> => value as Known<T>;

/** The row type of a typed (Kysely) query. */
export type RowOf<Q> = Q extends Compilable<infer O> ? Row<O> : never;

/**
 * The one place rows from the driver take their type: the compiled query's, inferred by Kysely
 * from the generated schema types (the same trust Kysely's own drivers place in the database).
 */
const typed = <O>(rows: unknown[], _query: Compilable<O>) => rows as Row<O>[];

/** A statement to run: a `Prisma.sql` template or a compiled typed (Kysely) query. */
export type Statement = Prisma.Sql | CompiledQuery;

const textOf = (query: Statement): [string, unknown[]] =>
  query instanceof Prisma.Sql ? [query.text, query.values] : [query.sql, [...query.parameters]];

/**
 * Statements on the primary, as prepared statements, with transactions on one connection. The
 * cart and checkout run on it: Prisma's interactive transactions cost several round trips and
 * far more CPU than these few statements (docs/architecture.md, "Checkout performance").
 */
export type Sql = {
  rows(query: Statement): Promise<unknown[]>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
};

const overRunner = (runner: SqlRunner): Sql => ({
  rows: (query) => runner.queryPrepared(...textOf(query)),
  transaction: (fn) => runner.transaction((tx) => fn(overRunner(tx))),
});

/** What running raw statements needs of a Prisma client or of its interactive transaction. */
export type RawClient = {
  $queryRaw(query: Prisma.Sql): Promise<unknown>;
  $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
};
const asRows = async (result: Promise<unknown>) => {
  const rows = await result;
  if (!Array.isArray(rows)) throw new Error("expected rows from a raw query");
  const list: unknown[] = rows;
  return list;
};

/**
 * Through Prisma's own raw queries, on its driver adapter (PGlite or pg) and in its transaction
 * when `db` is one. A compiled typed query is parameterised by construction, so the unsafe
 * variant, which takes its text and values apart, is safe here.
 */
const prismaRows = (db: RawClient, query: Statement) =>
  // eslint-disable-next-line no-restricted-syntax -- text and values of a compiled Kysely query
  asRows(query instanceof Prisma.Sql ? db.$queryRaw(query) : db.$queryRawUnsafe(query.sql, ...query.parameters));

// A client made elsewhere has no runner: the same statements through its raw queries.
const overPrisma = (db: PrismaClient): Sql => ({
  rows: (query) => prismaRows(db, query),
  transaction: (fn) =>
    db.$transaction((tx: RawClient) =>
      fn({
        rows: (query) => prismaRows(tx, query),
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

/**
 * A typed read (Kysely, compiled here, run as a prepared statement) on the read runner beside
 * the client (the replica when configured: catalog reads tolerate its lag), or through Prisma's raw queries.
 */
export async function read<O>(db: PrismaClient, query: Compilable<O>): Promise<Row<O>[]> {
  const compiled = query.compile();
  const runner = readRunnerOf(db);
  return typed(runner ? await runner.queryPrepared(...textOf(compiled)) : await prismaRows(db, compiled), query);
}

/** A typed statement (Kysely) on `sql`: the primary, in its transaction when `sql` is one. */
export async function rows<O>(sql: Sql, query: Compilable<O>): Promise<Row<O>[]> {
  return typed(await sql.rows(query.compile()), query);
}

/** A typed statement (Kysely) through a Prisma client or inside its interactive transaction. */
export async function prismaQuery<O>(db: RawClient, query: Compilable<O>): Promise<Row<O>[]> {
  return typed(await prismaRows(db, query.compile()), query);
}

/**
 * A typed query compiled once. Building and compiling a large query (the product page's) costs
 * more CPU than running it, so `build` runs once, with stand-ins for the values that vary; each
 * call then only puts the real values where the stand-ins landed among the parameters. Every
 * stand-in must reach the query as a bound value, untransformed (not `.toUpperCase()`d, not
 * used to choose between two shapes); the check below refuses one that does not.
 */
export function prepared<P extends Record<string, unknown>, O>(
  standIns: P,
  build: (values: P) => Compilable<O>,
): (values: P) => Compilable<O> {
  const compiled = build(standIns).compile();
  const keys = Object.keys(standIns);
  const slots = compiled.parameters.map((value) => keys.find((key) => standIns[key] === value));
  for (const key of keys) {
    if (!slots.includes(key)) throw new Error(`prepared query: "${key}" is not a parameter of the query`);
  }
  return (values) => ({
    compile: () => ({
      ...compiled,
      parameters: slots.map((key, index) => (key === undefined ? compiled.parameters[index] : values[key])),
    }),
  });
}

/** `timestamp(3)` columns hold UTC (Prisma's convention), whatever the session's time zone. */
export const utcNow = sql<Date>`(now() AT TIME ZONE 'UTC')`;
/**
 * An instant as such a column's value. Bound as ISO text, not as a `Date`: node-postgres would
 * send a `Date` in the process's local time, which a `timestamp` column takes without its offset.
 */
export const utcTimestamp = (at: Date) => sql<Date>`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
