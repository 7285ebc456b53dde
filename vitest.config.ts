import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// One run covers everything: pure unit tests, the integration suite on the embedded PGlite,
// the same suite again on PostgreSQL when TEST_DATABASE_URL is set, and browser tests against
// the production build.
// Files named *.pg.test.ts need what only a PostgreSQL server has (a pool, a second database).
const integration = ["packages/*/test/**/*.test.ts", "apps/server/test/**/*.test.ts"];
const postgresOnly = "**/*.pg.test.ts";

const database = (kind: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  test: {
    name: `db:${kind}`,
    include: integration,
    exclude: kind === "pglite" ? ["**/node_modules/**", postgresOnly] : ["**/node_modules/**"],
    env: { TEST_DB: kind },
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "deploy/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          // Runs once, in its own project below (it type-checks the apps eight times).
          exclude: ["**/node_modules/**", "scripts/type-flow.test.ts"],
        },
      },
      // Renames schema fields in temporary copies and type-checks the apps (scripts/type-flow.ts).
      { test: { name: "type-flow", include: ["scripts/type-flow.test.ts"], testTimeout: 1_800_000 } },
      database("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [database("postgres")] : []),
      {
        test: {
          name: "browser",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
