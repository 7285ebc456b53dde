import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Builds an app into a scratch directory; returns its JavaScript files and their sizes. */
async function buildApp(app: "storefront" | "admin", dsn: string | undefined) {
  const outDir = mkdtempSync(join(tmpdir(), `shop-${app}-bundle-`));
  const previous = process.env.VITE_SENTRY_DSN;
  if (dsn) process.env.VITE_SENTRY_DSN = dsn;
  else delete process.env.VITE_SENTRY_DSN;
  try {
    await build({
      root: join(root, "apps", app),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    if (previous === undefined) delete process.env.VITE_SENTRY_DSN;
    else process.env.VITE_SENTRY_DSN = previous;
  }
  const assets = join(outDir, "assets");
  const files = readdirSync(assets)
    .filter((file) => file.endsWith(".js"))
    .map((file) => ({ file, size: statSync(join(assets, file)).size, code: readFileSync(join(assets, file), "utf8") }));
  rmSync(outDir, { recursive: true, force: true });
  return files;
}

const entry = (files: Array<{ file: string; size: number; code: string }>) =>
  files.find((file) => file.file.startsWith("index-"));

describe("browser error reporting", () => {
  for (const app of ["storefront", "admin"] as const) {
    it(`${app}: no Sentry code without VITE_SENTRY_DSN; with one, a separate chunk loaded on demand`, async () => {
      const without = await buildApp(app, undefined);
      expect(without.filter((file) => /sentry/i.test(file.code)).map((file) => file.file)).toEqual([]);

      const withDsn = await buildApp(app, "https://publickey@o0.ingest.sentry.io/1");
      const chunk = withDsn.find((file) => file.file.startsWith("error-reporting-"));
      expect(chunk?.code).toMatch(/sentry/i);
      // The entry only gains the loader: the SDK is not in it.
      expect((entry(withDsn)?.size ?? 0) - (entry(without)?.size ?? 0)).toBeLessThan(2_000);
      expect(entry(withDsn)?.code).toContain("publickey@o0.ingest.sentry.io");
    });
  }
});
