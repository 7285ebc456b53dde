import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

// Strings that only exist in server code. If one shows up in a browser bundle, an app has
// imported a value (not just a type) from the API, the database or the auth package.
const serverOnly = [
  "PrismaClient",
  "@prisma/client",
  "prisma-client",
  "argon2",
  "fastify",
  "pg-protocol",
  "DATABASE_URL",
  "secretHash",
  "passwordHash",
];

describe("browser bundles", () => {
  for (const app of ["storefront", "admin"]) {
    it(`${app} contains no server code`, () => {
      const dir = join(root, "apps", app, "dist", "assets");
      const files = readdirSync(dir).filter((file) => file.endsWith(".js"));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const code = readFileSync(join(dir, file), "utf8");
        for (const marker of serverOnly) expect(code.includes(marker), `${marker} in ${app}/${file}`).toBe(false);
      }
    });
  }

  it("admin loads the chart library only with the dashboard's route chunk", () => {
    const dist = join(root, "apps", "admin", "dist");
    const html = readFileSync(join(dist, "index.html"), "utf8");
    // What the first load fetches: the entry script and its module preloads.
    const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? "");
    expect(initial.length).toBeGreaterThan(0);
    for (const file of initial)
      expect(readFileSync(join(dist, file), "utf8").includes("recharts-surface"), file).toBe(false);
    const lazy = readdirSync(join(dist, "assets")).filter(
      (file) => file.endsWith(".js") && readFileSync(join(dist, "assets", file), "utf8").includes("recharts-surface"),
    );
    expect(lazy).toHaveLength(1);
  });
});
