import { readRunnerOf, type Prisma, type PrismaClient } from "@shop/db";
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
