// npm run db:facets: counts the catalogue's facets again from the products (FacetCount). The
// triggers keep the counts exact; this is for after a restore of an old backup, a manual edit
// with the triggers off, or a check: it prints how many rows differed from the kept ones.
import { createDatabase, databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";

const env = parseDatabaseEnv();
const db = await createDatabase(databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
try {
  const started = Date.now();
  const differing = await db.sql.transaction(async (sql) => {
    await sql.exec(`CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT * FROM "FacetCount" WHERE "count" <> 0`);
    await sql.exec(`SELECT shop_facets_rebuild()`);
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (
      (SELECT * FROM kept EXCEPT SELECT * FROM "FacetCount" WHERE "count" <> 0)
      UNION ALL (SELECT * FROM "FacetCount" WHERE "count" <> 0 EXCEPT SELECT * FROM kept)) d`);
    return row?.n ?? 0;
  });
  console.log(`Facet counts rebuilt in ${Date.now() - started} ms; ${differing} rows differed from the kept ones.`);
} finally {
  await db.close();
}
