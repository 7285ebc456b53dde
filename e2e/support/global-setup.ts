import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
    /** An origin allowed to call the API cross-origin (static-site.test.ts serves a build there). */
    staticOrigin: string;
  }
}

const root = join(import.meta.dirname, "..", "..");

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

export async function waitForReady(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server at ${url} was not ready within ${timeoutMs} ms`);
}

/**
 * Starts the production build exactly as `npm start` would (embedded database, migrated and
 * seeded on first run) in a scratch data directory, for the browser tests to drive.
 */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  for (const file of ["apps/server/dist/main.js", "apps/storefront/dist/index.html", "apps/admin/dist/index.html"]) {
    if (!existsSync(join(root, file)))
      throw new Error(`${file} is missing: run "npm run build" before the browser tests`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const staticOrigin = `http://127.0.0.1:${await freePort()}`;
  const dataDir = mkdtempSync(join(tmpdir(), "shop-e2e-"));
  const server = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      ALLOWED_ORIGINS: staticOrigin,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // admin-webhooks.test.ts runs its receiver on loopback.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      // Every browser test pays from 127.0.0.1: the card-testing limit would stop the suite.
      PAYMENT_ATTEMPTS_PER_10_MINUTES: "1000",
      // Likewise the per-IP ceiling on all requests (1,200 a minute): the suite's busiest minute
      // makes about 1,300 (pages, their images and API calls), and a 429 page never hydrates.
      RATE_LIMIT_PER_MINUTE: "100000",
      CHECKOUT_RATE_LIMIT_PER_MINUTE: "1000",
      // And the catalog reads and page renders one address may have running at once.
      IN_FLIGHT_PER_IP: "1000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForReady(baseUrl, server, 120_000);
  project.provide("baseUrl", baseUrl);
  project.provide("chromium", chromium);
  project.provide("staticOrigin", staticOrigin);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
