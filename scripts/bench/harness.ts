// Shared by the bench:* scripts: a seeded scratch PostgreSQL database and the production
// server started on it, exactly as `npm start` runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const root = join(import.meta.dirname, "..", "..");
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const databaseUrl = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

export function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A database with at least `products` products and `orders` orders, reused when it has them. */
export async function seededDatabase(name: string, size: { products: number; orders: number }): Promise<string> {
  const url = databaseUrl(name);
  if ((await count(url, "Product")) >= size.products && (await count(url, "Order")) >= size.orders) {
    console.log(`Reusing ${name} (${size.products} products, ${size.orders} orders or more).`);
    return url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const dataDir = mkdtempSync(join(tmpdir(), "shop-bench-seed-"));
  try {
    await run(
      "npx",
      ["tsx", "packages/db/scripts/seed.ts", "--products", String(size.products), "--orders", String(size.orders)],
      { DATABASE_URL: url, DATA_DIR: dataDir },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return url;
}

export type Server = { base: string; process: ChildProcess; stop(): Promise<void> };

/** The production build on `port`, against `databaseUrl`, ready when this resolves. */
export async function startServer(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
}): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), "shop-bench-"));
  const base = `http://127.0.0.1:${options.port}`;
  // BENCH_SERVER_ARGS adds node flags (e.g. `--cpu-prof`); BENCH_SERVER_ENTRY runs another build
  // (e.g. a copy of the previous one, to measure baseline and candidate back to back).
  const args = [
    ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? []),
    process.env.BENCH_SERVER_ENTRY ?? "apps/server/dist/main.js",
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(options.port),
      PUBLIC_URL: base,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SERVE_APPS: "false",
      // One load generator is one IP: lift the per-IP ceiling so it measures the shop, not the limiter.
      RATE_LIMIT_PER_MINUTE: "1000000000",
      IN_FLIGHT_PER_IP: "1000000",
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error("the server exited");
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (tries > 240) throw new Error("the server did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    process: child,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Other work on the machine takes cores from the server, PostgreSQL and the load generator. */
export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * CPU time (ms) used so far by the server process, the PostgreSQL backends serving `database`
 * and this load generator (Linux /proc). Differences over a run give CPU per operation, which
 * other work on the machine barely changes, unlike throughput.
 */
export type CpuTimes = { server: number; postgres: number; client: number };

/** CPU time (ms, user + system) a process has used so far; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
  } catch {
    return 0;
  }
}

export async function cpuTimes(server: Server, db: pg.Client, database: string): Promise<CpuTimes> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  const usage = process.cpuUsage();
  return {
    server: server.process.pid ? processCpuMs(server.process.pid) : 0,
    postgres: rows.reduce((sum, row) => sum + processCpuMs(row.pid), 0),
    client: (usage.user + usage.system) / 1000,
  };
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;
