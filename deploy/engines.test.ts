// The shop supports Node 20.19+ (package.json `engines`). Every package of the production
// install (`npm ci --omit=dev`, as the Dockerfile runs it) must accept the Node running this
// test (CI runs Node 20), so npm ci prints no EBADENGINE warning for them and nothing relies on
// a newer runtime. Versions that dropped Node 20 are pinned back in the root `overrides`.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const root = join(import.meta.dirname, "..");
const Manifest = z.object({
  name: z.string().optional(),
  version: z.string().optional(),
  engines: z.object({ node: z.string().optional() }).passthrough().optional(),
});

/** Every package directory of the production dependency tree, as npm resolves it. */
function productionPackages(): string[] {
  const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8" });
  return [...new Set(out.split("\n").filter((line) => line.includes(`${join("node_modules", "")}`)))];
}

// The prisma CLI is a devDependency, but also an optional peer of @prisma/client, so npm installs
// it in production too. Its `prisma dev` command (a local Prisma Postgres, never used by the
// shop) imports @prisma/streams-local on demand; every published version of that needs Node 22,
// so the root `overrides` replace it with a stand-in (deploy/stubs) that says so when called.
const STUBBED = "@prisma/streams-local";

describe("the production dependency tree runs on the Node this test runs on", () => {
  const packages = productionPackages().map((dir) => ({
    dir,
    manifest: Manifest.parse(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))),
  }));

  it("covers the production tree", () => {
    expect(packages.length).toBeGreaterThan(300);
    expect(packages.some(({ manifest }) => manifest.name === "fastify")).toBe(true);
  });

  it(`every production package's engines accept Node ${process.version}`, () => {
    const refused = packages.flatMap(({ manifest }) => {
      const range = manifest.engines?.node;
      if (!range || !manifest.name) return [];
      return semver.satisfies(process.version, range, { includePrerelease: true })
        ? []
        : [`${manifest.name}@${manifest.version}: node ${range}`];
    });
    expect(refused).toEqual([]);
  });

  it("cookie and content-disposition are the Node 20 versions, with the functions their dependents call", async () => {
    const version = (name: string) => packages.find(({ manifest }) => manifest.name === name)?.manifest.version;
    expect([version("cookie"), version("content-disposition")]).toEqual(["1.1.1", "2.0.1"]);
    // @fastify/cookie and light-my-request call these; @fastify/static calls `create`.
    const cookie = await import("cookie");
    expect(cookie.stringifySetCookie({ name: "shop_session", value: "a.b", httpOnly: true, path: "/" })).toBe(
      "shop_session=a.b; Path=/; HttpOnly",
    );
    expect(cookie.parseCookie("shop_cart=x; shop_session=a.b")).toMatchObject({ shop_session: "a.b" });
    const disposition = await import("content-disposition");
    expect(disposition.create("report.csv", { type: "attachment" })).toBe("attachment; filename=report.csv");
  });

  it("the one package that needs Node 22 is loaded only by `prisma dev`, is a stand-in here, and the CLI's used commands run", async () => {
    const dev = join(root, "node_modules", "@prisma", "dev", "dist");
    const sources = readdirSync(dev)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(join(dev, file), "utf8"));
    expect(sources.some((source) => source.includes(`import("${STUBBED}")`))).toBe(true);
    expect(sources.some((source) => new RegExp(`from\\s*["']${STUBBED}["']`).test(source))).toBe(false);
    const installed = Manifest.parse(
      JSON.parse(readFileSync(join(root, "node_modules", "@prisma", "streams-local", "package.json"), "utf8")),
    );
    expect(installed.version).toMatch(/-node20-stub$/);
    const stub = await import("@prisma/streams-local");
    await expect(stub.startLocalDurableStreamsServer()).rejects.toThrow(/needs Node 22/);
    // `prisma generate` runs at every install (postinstall); validate loads the same CLI.
    const validate = spawnSync(
      process.execPath,
      [join(root, "node_modules", "prisma", "build", "index.js"), "validate", "--schema", "prisma/schema.prisma"],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        },
      },
    );
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout + validate.stderr).toContain("is valid");
  });
});
