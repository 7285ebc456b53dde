import { sqlRunnerOf, type Prisma, type PrismaClient } from "@shop/db";

/**
 * Runs a `Prisma.sql` query (always parameterised) on the raw runner beside the client, as a
 * prepared statement; falls back to `$queryRaw` for a client made elsewhere (same SQL, slower).
 * Callers validate the rows with a zod schema.
 */
export async function readRows(db: PrismaClient, query: Prisma.Sql): Promise<unknown> {
  const runner = sqlRunnerOf(db);
  if (!runner) return db.$queryRaw(query);
  return runner.queryPrepared(query.text, query.values);
}
