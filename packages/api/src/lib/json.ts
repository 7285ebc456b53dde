import { sql, type Expression, type RawBuilder } from "kysely";

// JSON built by PostgreSQL in one statement (a page's nested lists), typed from the expressions
// it is built of: the schema's column types, never a hand-written row shape.

/** `json_agg(value ORDER BY …)`, typed as a list of the value. */
export const jsonAgg = <T>(value: Expression<T>, order: RawBuilder<unknown>) =>
  sql<T[]>`json_agg(${value} ORDER BY ${order})`;

/** A list from a sub-select, `[]` when it finds nothing. */
export const orEmpty = <T>(list: Expression<T[] | null>) => sql<T[]>`COALESCE(${list}, '[]'::json)`;

/** JSON carries `timestamp(3)` as ISO text without a zone; the columns hold UTC. */
export const utcDate = (value: string | null) => (value === null ? null : new Date(`${value}Z`));
