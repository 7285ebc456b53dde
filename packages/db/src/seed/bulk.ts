import type { SqlRunner } from "../sql.ts";

/** A column's SQL type; `enum:Name` for a Prisma enum column. */
export type ColumnType = "int" | "int[]" | "text" | "text[]" | "bool" | "timestamptz" | "jsonb" | `enum:${string}`;
export type Columns<Row> = { [K in keyof Row]: ColumnType };

const sqlType = (type: ColumnType) =>
  type.startsWith("enum:")
    ? `"${type.slice(5)}"`
    : type === "int"
      ? "integer"
      : type === "int[]"
        ? "integer[]"
        : type === "bool"
          ? "boolean"
          : type;

const BATCH = 5_000;

export type InsertOptions<Row> = {
  /** Replaces a column's value by an SQL expression of it (`value` is `t."column"`, of its type). */
  select?: { [K in keyof Row]?: (value: string) => string };
  /** More columns: SQL expressions over the rows (`t`) and `joins`. */
  computed?: Record<string, string>;
  /** Joined to the rows, for `computed`. */
  joins?: string;
};

/**
 * Inserts many rows with one `INSERT … SELECT FROM json_to_recordset(…)` per batch: the batch
 * travels as one JSON text (JSON.stringify is native code; dates become ISO instants), so
 * 100,000 orders take seconds instead of minutes. Properties that are no column are ignored.
 * Column names are quoted identifiers from our own code, never user input; so are the options'
 * SQL texts.
 */
export async function insertRows<Row extends Record<string, unknown>>(
  sql: SqlRunner,
  table: string,
  columns: Columns<Row>,
  rows: readonly Row[],
  options: InsertOptions<Row> = {},
): Promise<void> {
  const names: Array<Extract<keyof Row, string>> = [];
  for (const name in columns) names.push(name);
  const computed = Object.entries(options.computed ?? {});
  const list = [...names, ...computed.map(([name]) => name)].map((name) => `"${name}"`).join(", ");
  const selected = [
    ...names.map((name) => options.select?.[name]?.(`t."${name}"`) ?? `t."${name}"`),
    ...computed.map(([, expression]) => expression),
  ].join(", ");
  const record = names.map((name) => `"${name}" ${sqlType(columns[name])}`).join(", ");
  const statement =
    `INSERT INTO "${table}" (${list}) SELECT ${selected} FROM json_to_recordset($1::json) AS t(${record})` +
    (options.joins ? ` ${options.joins}` : "");
  for (let start = 0; start < rows.length; start += BATCH) {
    await sql.query(statement, [JSON.stringify(rows.slice(start, start + BATCH))]);
  }
}

/** The next free id of a serial table, for inserting rows with ids we choose. */
export async function nextId(sql: SqlRunner, table: string): Promise<number> {
  const [row] = await sql.query<{ max: number | null }>(`SELECT MAX("id") AS max FROM "${table}"`);
  return (row?.max ?? 0) + 1;
}

/** Moves a serial sequence past the ids we inserted ourselves. */
export async function syncSequence(sql: SqlRunner, table: string, column = "id"): Promise<void> {
  await sql.query(
    `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), GREATEST((SELECT MAX("${column}") FROM "${table}"), 1))`,
  );
}

/**
 * Runs `load` with the foreign keys and the plain (not unique) indexes of `tables` dropped, then
 * builds the indexes again and adds the keys back, exactly as they were (their definitions are
 * read from the catalog): a sorted build per index and one checking join per key instead of
 * work per row inserted (PostgreSQL's advice for bulk loads, "Populating a Database"). Inside a
 * transaction, nobody ever sees a table without them, and a failed check rolls the load back.
 * Only for tables that no deferred trigger has events pending on by the end (PostgreSQL alters
 * no such table), whose triggers look nothing up by those indexes meanwhile, and for their owner
 * (who runs the migrations).
 */
export async function withKeysAndIndexesAfter<T>(
  sql: SqlRunner,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const relations = tables.map((table) => `"${table}"`);
  const keys = await sql.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS "table", quote_ident(conname) AS "name", pg_get_constraintdef(oid) AS "definition"
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])
      ORDER BY conrelid::regclass::text, conname`,
    [relations],
  );
  const indexes = await sql.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS "name", pg_get_indexdef(i.indexrelid) AS "definition"
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1`,
    [relations],
  );
  for (const key of keys) await sql.exec(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await sql.exec(`DROP INDEX ${index.name}`);
  const result = await load();
  // The checks' joins are planned from statistics of what was just loaded.
  await sql.exec(`ANALYZE ${relations.join(", ")}`);
  // Sorted in memory, not in temporary files (this transaction only).
  await sql.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const index of indexes) await sql.exec(index.definition);
  for (const key of keys) await sql.exec(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  return result;
}
