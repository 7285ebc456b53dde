import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRepo, type RepoCopy } from "./lib/repo-copy.ts";

// turbo replays a task's cached result when the task's hash is unchanged. These tests run the
// real turbo on a copy of the repository to check the graph can't replay a stale result, and
// that `npm run dev` hands the apps the settings of .env.example (turbo's strict env mode drops
// every variable it is not told about).

// An output type of the API that only the storefront reads (catalog.brand, the worked example of
// docs/extending.md): renamed, @shop/api still type-checks and the storefront does not.
const EDIT = {
  file: "packages/api/src/services/catalog/brand.ts",
  from: "name: brand.name,",
  to: "title: brand.name,",
};

let copy: RepoCopy;
beforeAll(() => {
  copy = copyRepo("shop-turbo-");
});
afterAll(() => copy?.remove());

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: copy.dir,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const turbo = (...args: string[]) => run(join(copy.dir, "node_modules/.bin/turbo"), args);

/** What turbo would do for each task: replay it (HIT) or run it (MISS). */
function plan(...tasks: string[]) {
  const dry = turbo("run", ...tasks, "--dry=json");
  expect(dry.status, dry.output).toBe(0);
  const parsed: { tasks: Array<{ taskId: string; cache: { status: string } }> } = JSON.parse(dry.output);
  return new Map(parsed.tasks.map((task) => [task.taskId, task.cache.status]));
}

describe("turbo task graph", () => {
  it("re-checks an app when a package it imports changes, so `npm run typecheck` fails without --force", () => {
    const warm = turbo("run", "typecheck", "lint", "--filter=@shop/storefront");
    expect(warm.status, warm.output).toBe(0);
    expect(plan("typecheck", "lint").get("@shop/storefront#typecheck")).toBe("HIT");

    const file = join(copy.dir, EDIT.file);
    const source = readFileSync(file, "utf8");
    expect(source).toContain(EDIT.from);
    writeFileSync(file, source.replace(EDIT.from, EDIT.to));

    const after = plan("typecheck", "lint");
    expect(after.get("@shop/storefront#typecheck")).toBe("MISS");
    expect(after.get("@shop/storefront#lint")).toBe("MISS");
    expect(after.get("@shop/admin#typecheck")).toBe("MISS");

    // The plan above is what `npm run typecheck` runs; checking the storefront alone keeps this fast.
    const checked = run("npm", ["run", "typecheck", "--", "--filter=@shop/storefront"]);
    expect(checked.status, checked.output).not.toBe(0);
    expect(checked.output).toMatch(/@shop\/storefront:typecheck: src\/\S+\.tsx?\(\d+,\d+\): error TS/);
    // The package itself is fine: only its importer shows the break.
    expect(checked.output).not.toMatch(/packages\/api\/src\/\S+\(\d+,\d+\): error TS/);
  }, 600_000);

  it("passes every variable .env.example lists through to the dev tasks", () => {
    const names = [...readFileSync(join(copy.dir, ".env.example"), "utf8").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map(
      (match) => match[1] ?? "",
    );
    expect(names).toContain("DATABASE_URL");
    // The server's dev task, made to print the environment it gets instead of starting.
    const manifest = join(copy.dir, "apps/server/package.json");
    const pkg: { scripts: Record<string, string> } = JSON.parse(readFileSync(manifest, "utf8"));
    pkg.scripts.dev = `node -e "console.log('ENV' + JSON.stringify(process.env) + 'END')"`;
    writeFileSync(manifest, JSON.stringify(pkg));
    const values = Object.fromEntries(names.map((name) => [name, `set-${name.toLowerCase()}`]));
    const dev = run(join(copy.dir, "node_modules/.bin/turbo"), ["run", "dev", "--filter=@shop/server"], values);
    expect(dev.status, dev.output).toBe(0);
    const seen: Record<string, string> = JSON.parse(/ENV(\{.*\})END/.exec(dev.output)?.[1] ?? "{}");
    expect(Object.fromEntries(names.map((name) => [name, seen[name]]))).toEqual(values);
  }, 120_000);
});
