import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitForReady } from "./global-setup.ts";

/**
 * The production build on a scratch embedded database of its own, with settings the shared test
 * server does not have (SMTP, PayPal). `SEED_IF_EMPTY=false` in `env` starts it empty.
 */
export async function startOwnShop(env: Record<string, string>, readyWithinMs = 60_000) {
  const root = join(import.meta.dirname, "..", "..");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "shop-e2e-own-"));
  const server = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForReady(baseUrl, server, readyWithinMs);
  return {
    baseUrl,
    async close() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
