#!/usr/bin/env node
// Type-check with the native TypeScript 7 compiler. The `typescript` package stays on 6.x
// because typescript-eslint needs its JavaScript API; TS 7 is installed under the alias
// `tsnative` and is only reached through this wrapper.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve("tsnative/package.json")), "bin", "tsc");
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [tsc, "--noEmit", ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
