import { qb } from "@shop/db";
import type { Granularity } from "@shop/validators";
import { sql, type AliasableExpression, type Compilable } from "kysely";
import type { LocalRange } from "./shop.ts";

export type ColumnKind = "text" | "date" | "int" | "money";
export type ReportColumn<K extends string = string> = { key: K; label: string; kind: ColumnKind };
/** What a report's cell holds: text (dates as "YYYY-MM-DD"), a count or minor units, or nothing. */
export type ReportCell = string | number | null;
type Cells = Record<string, ReportCell>;
type Range = LocalRange;

/** How a report is read: its range and grouping, the column to sort by, and how many rows. */
export type ReportRequest = {
  range: Range;
  granularity: Granularity;
  sort: string;
  direction: "asc" | "desc";
  limit: number;
};

export type ReportDefinition = {
  title: string;
  columns: readonly ReportColumn[];
  defaultSort: string;
  /**
   * The report's rows, sorted in SQL by any of its columns (through jsonb, so the column is a
   * parameter and values keep their type's order), then a stable tie-break; `limit + 1` rows, so
   * the caller sees whether more exist.
   */
  rows: (request: ReportRequest) => Compilable<Cells>;
};

/**
 * A report from one typed statement: its rows' type comes from the query (so from the schema),
 * every column, the default sort and the tie-break must be among its keys, and every value
 * must be a cell.
 */
export function report<R extends Cells>(spec: {
  title: string;
  columns: readonly ReportColumn<NoInfer<Extract<keyof R, string>>>[];
  defaultSort: NoInfer<Extract<keyof R, string>>;
  /** One row per line of the report, columns aliased by key; sorted by `rows`. */
  query: (range: Range, granularity: Granularity) => AliasableExpression<R>;
  /** Makes equal sort keys come out in a stable order. */
  tieBreak: NoInfer<Extract<keyof R, string>>;
}): ReportDefinition {
  const { title, columns, defaultSort, query, tieBreak } = spec;
  return {
    title,
    columns,
    defaultSort,
    rows: ({ range, granularity, sort, direction, limit }) =>
      qb
        .selectFrom(query(range, granularity).as("r"))
        .selectAll()
        .orderBy(sql`to_jsonb(${sql.table("r")}) -> ${sort}::text`, (order) =>
          direction === "asc" ? order.asc().nullsFirst() : order.desc().nullsLast(),
        )
        .orderBy(sql.ref(`r.${tieBreak}`))
        .limit(limit + 1),
  };
}

export const money = <K extends string>(key: K, label: string): ReportColumn<K> => ({ key, label, kind: "money" });
export const int = <K extends string>(key: K, label: string): ReportColumn<K> => ({ key, label, kind: "int" });
