export { createEmptyPostgresDatabase, createTestDatabase, testDatabaseKind, type TestDatabase } from "./database.ts";
export { factories } from "./factories.ts";
