import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import type { DB } from "./generated/kysely/types.ts";

export type { DB } from "./generated/kysely/types.ts";

/**
 * A query builder that only compiles: table and column types are generated from schema.prisma
 * (prisma-kysely, at `npm run db:generate`), so a renamed column fails to type-check in every
 * query that names it. It never connects: the compiled `{ sql, parameters }` runs on the same
 * connections as Prisma (see `@shop/api`'s lib/sql.ts), inside the same transactions.
 */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
