// npm run user:reset-password -- <email>
// Prints a one-time link to choose a new password for the account, valid for one hour. It needs
// shell access to the server and its database (whoever has those holds every account anyway),
// so it is how the shop's owner gets back in on the embedded default, where no email is sent.
// On the embedded database, stop the server first: it is a single process.
import { issueResetLinkForOperator } from "@shop/api";
import { createDatabase, databaseConfigFrom, migrate, prismaPaths } from "@shop/db";
import { parseServerEnv } from "../src/env.ts";

const email = process.argv[2]?.trim().toLowerCase();
if (!email || !email.includes("@")) {
  console.error("Usage: npm run user:reset-password -- <email>");
  process.exit(2);
}
const env = parseServerEnv();
const db = await createDatabase(
  databaseConfigFrom({ databaseUrl: env.database.DATABASE_URL, dataDir: env.database.DATA_DIR }),
);
try {
  await migrate(db.sql, prismaPaths().migrations);
  const url = await issueResetLinkForOperator(db.prisma, { email, publicUrl: env.publicUrl });
  console.log(`Open this link within one hour to choose a new password for ${email} (it works once):\n${url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
