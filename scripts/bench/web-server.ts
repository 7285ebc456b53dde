// The production server on a scratch embedded database, as `npm start` runs it, for bench:web.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { root } from "./harness.ts";

export async function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts `apps/server/dist/main.js` on `dataDir` (seeded on first start); resolves once it is ready. */
export async function startShopServer(dataDir: string, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["apps/server/dist/main.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (
    let tries = 0;
    !(await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
    tries++
  ) {
    if (server.exitCode !== null || tries > 600) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    async stop() {
      server.kill("SIGTERM");
      if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}
