import type { SqlRunner } from "../sql.ts";

/** A column's SQL type; `enum:Name` for a Prisma enum column. */
export type ColumnType = "int" | "int[]" | "text" | "bool" | "timestamptz" | "bytea" | "jsonb" | `enum:${string}`;

// Enum, JSON and array values travel as text[] and are cast in SQL: drivers only serialise
// arrays of types they know, and unnest() would flatten an array of arrays.
const sqlType = (type: ColumnType) =>
  type.startsWith("enum:")
    ? `text[]::"${type.slice(5)}"[]`
    : type === "jsonb" || type === "int[]"
      ? `text[]${type === "jsonb" ? "::jsonb[]" : ""}`
      : `${type}[]`;
export type Columns<Row> = { [K in keyof Row]: ColumnType };

const BATCH = 5_000;

/**
 * Inserts many rows with one `INSERT … SELECT FROM unnest(...)` per batch: one array parameter
 * per column, so 100,000 orders take seconds instead of minutes. Column names are quoted
 * identifiers from our own code, never user input.
 */
export async function insertRows<Row extends Record<string, unknown>>(
  sql: SqlRunner,
  table: string,
  columns: Columns<Row>,
  rows: readonly Row[],
): Promise<void> {
  const names: Array<Extract<keyof Row, string>> = [];
  for (const name in columns) names.push(name);
  const list = names.map((name) => `"${name}"`).join(", ");
  const params = names.map((name, index) => `$${index + 1}::${sqlType(columns[name])}`).join(", ");
  const selected = names.map((name, index) => `c${index}${columns[name] === "int[]" ? "::int[]" : ""}`).join(", ");
  const aliases = names.map((_, index) => `c${index}`).join(", ");
  const statement = `INSERT INTO "${table}" (${list}) SELECT ${selected} FROM unnest(${params}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = names.map((name) =>
      batch.map((row) => {
        const value = row[name];
        if (value === null || value === undefined) return null;
        if (columns[name] === "jsonb") return JSON.stringify(value);
        return columns[name] === "int[]" && Array.isArray(value) ? `{${value.join(",")}}` : value;
      }),
    );
    await sql.query(statement, values);
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
