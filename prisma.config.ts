// Configuration for the standard Prisma CLI (`npx prisma migrate deploy`, `prisma studio`, ...)
// on machines with Prisma's native engines. The shop itself migrates through
// `npm run db:migrate` (packages/db/src/migrate), which works offline and on PGlite too.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/shop" },
});
