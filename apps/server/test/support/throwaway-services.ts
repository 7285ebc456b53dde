import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Fault tests stop and start servers; the machine's shared PostgreSQL and Redis must never be
// touched, so each test starts its own on a free port in a scratch directory.

const PG_BIN = "/usr/lib/postgresql/15/bin";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr}`)),
    );
  });
}

/** PostgreSQL refuses to run as root; as root, run its tools as the postgres user. */
function asPostgres(dir: string): SpawnOptions {
  if (process.getuid?.() !== 0) return {};
  const uid = 101;
  const gid = 104;
  chownSync(dir, uid, gid);
  return { uid, gid, env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" } };
}

export type ThrowawayPostgres = {
  url: (database?: string) => string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP to the server and every backend: connections stay open, nothing answers (a stalled host). */
  pause(): void;
  resume(): void;
  destroy(): Promise<void>;
};

/** A PostgreSQL 15 cluster of its own (initdb, trust auth, fsync off: it lives for one test). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "shop-pg-"));
  const user = asPostgres(dir);
  const data = join(dir, "data");
  const port = await freePort();
  await run(`${PG_BIN}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"], user);
  const start = () =>
    run(
      `${PG_BIN}/pg_ctl`,
      [
        "-D",
        data,
        "-l",
        join(dir, "log"),
        "-w",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "start",
      ],
      user,
    );
  const stop = (mode = "fast") => run(`${PG_BIN}/pg_ctl`, ["-D", data, "-m", mode, "-w", "stop"], user);
  await start();
  const processes = () => {
    const postmaster = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    const backends = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" });
    return [postmaster, ...backends.split("\n").filter(Boolean).map(Number)];
  };
  const signal = (name: NodeJS.Signals) => {
    for (const pid of processes()) process.kill(pid, name);
  };
  return {
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: () => stop(),
    start,
    pause: () => signal("SIGSTOP"),
    resume: () => signal("SIGCONT"),
    async destroy() {
      try {
        signal("SIGCONT"); // a paused server would never stop
      } catch {
        // not running
      }
      await stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ThrowawayRedis = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP: the server keeps its connections open but answers nothing (a stalled host). */
  pause(): void;
  /** SIGCONT: it answers again, including what it was sent meanwhile. */
  resume(): void;
  destroy(): Promise<void>;
};

/** A redis-server of its own, without persistence. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  let child: ReturnType<typeof spawn> | null = null;
  const start = async () => {
    const started = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Ready to accept connections")) resolve();
      });
      started.on("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGCONT"); // a paused server would never act on SIGTERM
    running.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    destroy: stop,
  };
}

export type SilentServer = { host: string; port: number; url: (scheme: string) => string; close(): Promise<void> };

/**
 * A TCP server that accepts connections and never says a word: what a hung SMTP server,
 * payment API or object store looks like to a client (connected, then nothing).
 */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    host: "127.0.0.1",
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
