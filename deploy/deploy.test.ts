// The container files cannot be run on the CI machine (no image registry), so they are checked
// against the code they describe: the env names the app reads, the nginx template's
// placeholders, the workspaces npm ci needs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

const Service = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  environment: z.record(z.string(), z.string()).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  networks: z.record(z.string(), z.object({ ipv4_address: z.string().optional() }).nullable()).optional(),
  volumes: z.array(z.string()).optional(),
});
const Compose = z.object({ services: z.record(z.string(), Service), volumes: z.record(z.string(), z.unknown()) });
const compose = Compose.parse(parse(read("compose.yaml")));
const service = (name: string) => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no ${name} service`);
  return found;
};
/** `${NAME:-default}` as compose would expand it with nothing set. */
const expand = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");

const documented = new Set([...read(".env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

describe("compose.yaml", () => {
  it("runs the app with PostgreSQL and Redis, started only when they are healthy", () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["app", "postgres", "redis"]));
    expect(service("app").build).toBe(".");
    expect(service("app").depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    expect(service("postgres").healthcheck?.test).toContain("pg_isready");
  });

  it("sets only variables that .env.example documents", () => {
    const unknown = Object.keys(service("app").environment).filter((name) => !documented.has(name));
    expect(unknown).toEqual([]);
  });

  it("points the app at the compose database and Redis with matching credentials", () => {
    const env = service("app").environment;
    const database = new URL(expand(env.DATABASE_URL ?? ""));
    const postgres = service("postgres").environment;
    expect(database.hostname).toBe("postgres");
    expect(decodeURIComponent(database.username)).toBe(postgres.POSTGRES_USER);
    expect(decodeURIComponent(database.password)).toBe(expand(postgres.POSTGRES_PASSWORD ?? ""));
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    expect(new URL(expand(env.REDIS_URL ?? "")).hostname).toBe("redis");
    expect(env.HOST).toBe("0.0.0.0");
  });

  it("trusts forwarded addresses from the nginx container only, and fills every placeholder of the template", () => {
    const nginx = service("nginx");
    expect(service("app").environment.TRUST_PROXY).toBe(nginx.networks?.shop?.ipv4_address);
    const placeholders = new Set(
      [...read("deploy/nginx/shop.conf.template").matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]),
    );
    expect(new Set(Object.keys(nginx.environment))).toEqual(placeholders);
    expect(nginx.volumes).toContain("./deploy/nginx/shop.conf.template:/etc/nginx/templates/shop.conf.template:ro");
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("builds on node:20-slim in stages and runs as a non-root user with a health check", () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual([
      "node:20-slim",
      "node:20-slim",
      "node:20-slim",
    ]);
    expect(dockerfile).toMatch(/RUN npm ci --no-audit --no-fund && npm run build/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "apps\/server\/dist\/main.js"\]$/m);
  });

  it("copies every workspace's package.json before npm ci (or npm ci refuses the lockfile)", () => {
    const workspaces = z.object({ workspaces: z.array(z.string()) }).parse(JSON.parse(read("package.json"))).workspaces;
    const lock = z.object({ packages: z.record(z.string(), z.unknown()) }).parse(JSON.parse(read("package-lock.json")));
    const members = Object.keys(lock.packages).filter(
      (path) => workspaces.some((glob) => path.startsWith(glob.replace("*", ""))) && !path.includes("node_modules"),
    );
    expect(members.length).toBeGreaterThan(5);
    for (const member of members) {
      expect(existsSync(join(root, member, "package.json")), member).toBe(true);
      expect(dockerfile, member).toContain(`COPY ${member}/package.json ${member}/`);
    }
  });

  it("keeps local data, secrets and builds out of the build context", () => {
    const ignored = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim());
    for (const entry of ["**/node_modules", "**/dist", ".env", ".data", ".git"]) expect(ignored).toContain(entry);
  });
});
