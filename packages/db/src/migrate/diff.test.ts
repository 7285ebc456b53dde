import { describe, expect, it } from "vitest";
import { prismaPaths } from "../paths.ts";
import { diffMigrationsToSchema } from "./diff.ts";

describe("schema.prisma and prisma/migrations", () => {
  it("agree: replaying the migrations yields exactly the schema (run `npm run db:diff -- <name>` if not)", async () => {
    expect(await diffMigrationsToSchema(prismaPaths())).toBe("");
  }, 120_000);
});
