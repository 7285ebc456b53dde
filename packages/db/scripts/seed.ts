// npm run db:seed [-- --products N --orders N --customers N]: builds the demo shop (idempotent).
import { join } from "node:path";
import { parseArgs } from "node:util";
import { mediaStorageFrom, parseMediaEnv } from "@shop/media";
import { createDatabase, databaseConfigFrom } from "../src/client.ts";
import { parseDatabaseEnv } from "../src/env.ts";
import { migrate } from "../src/migrate/index.ts";
import { prismaPaths } from "../src/paths.ts";
import { demoSeed, seed } from "../src/seed/index.ts";

const { values } = parseArgs({
  options: { products: { type: "string" }, orders: { type: "string" }, customers: { type: "string" } },
});
const count = (value: string | undefined, fallback: number) => {
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Not a count: ${value}`);
  return parsed;
};
const products = count(values.products, demoSeed.products);
const orders = count(values.orders, demoSeed.orders);
const customers = count(
  values.customers,
  values.orders ? Math.max(demoSeed.customers, Math.ceil(orders / 5)) : demoSeed.customers,
);

const env = parseDatabaseEnv();
const config = databaseConfigFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
// A large seed has statements that run for minutes (a million products' facet counts, the VACUUM):
// no statement timeout (the server's default applies) and no client-side one.
const db = await createDatabase(
  config.kind === "postgres" ? { ...config, statementTimeoutMs: 0, queryTimeoutMs: 0 } : config,
);
try {
  await migrate(db.sql, prismaPaths().migrations);
  console.log(`Seeding ${products} products, ${orders} orders, ${customers} customers…`);
  const result = await seed(db, {
    products,
    orders,
    customers,
    media: mediaStorageFrom(parseMediaEnv(process.env), join(env.DATA_DIR, "media")),
    log: console.log,
  });
  if (result.seeded) console.log("Done.");
} finally {
  await db.close();
}
