// npm run db:migrate: applies pending migrations to the configured database.
import { createDatabase, databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";

const env = parseDatabaseEnv();
const db = await createDatabase(databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
try {
  const result = await migrate(db.sql, prismaPaths().migrations);
  const where = db.kind === "pglite" ? `embedded database in ${env.DATA_DIR}` : "PostgreSQL";
  if (result.applied.length === 0) console.log(`Database is up to date (${where}).`);
  for (const name of result.applied) console.log(`Applied ${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
