// npm start: build what is missing or stale (turbo caches the rest), then serve the shop in
// production mode. On the embedded database the server migrates and seeds on first run.
import { spawn, spawnSync } from "node:child_process";

const built = spawnSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
