import { sql, type Expression, type SqlBool } from "kysely";

// Aggregates typed as the column they aggregate (so a renamed or retyped column fails here too)
// and cast to types every driver returns as JavaScript numbers.

// Sums over integer columns: counts as int, money as float8 (exact for integers below 2^53 and,
// unlike int8, a JavaScript number from every driver). Typed as the column summed.
export const sumInt = <T extends number>(value: Expression<T>) => sql<T>`sum(${value})::int`;
export const sumMoney = <T extends number>(value: Expression<T>) => sql<T>`sum(${value})::float8`;
/** The same over a group that may be empty (a left join): 0, not null. */
export const totalInt = <T extends number>(value: Expression<T>) => sql<T>`COALESCE(sum(${value}), 0)::int`;
export const totalMoney = <T extends number>(value: Expression<T>) => sql<T>`COALESCE(sum(${value}), 0)::float8`;
/** count(*) as a JavaScript number. */
export const countAll = () => sql<number>`count(*)::int`;
/** count(*) of the rows meeting `condition`, as a JavaScript number. */
export const countWhere = (condition: Expression<SqlBool>) => sql<number>`count(*) FILTER (WHERE ${condition})::int`;
