// Load budgets of the production build (run after `npm run build`; part of `npm test` and
// `npm run bench:web`): the JavaScript a first visit downloads, gzipped, per app; and route
// splitting: the storefront's home page must not download checkout, payment or admin code.
// Reads Vite's manifest for the chunk graph and each chunk's source map for the modules in it.
// Writes bench-results/budgets.json; exits non-zero when a budget is missed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

type Chunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; css?: string[] };
type Manifest = Record<string, Chunk>;

const root = join(import.meta.dirname, "..");
const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;

function load(app: string) {
  const dist = join(root, "apps", app, "dist");
  const path = join(dist, ".vite", "manifest.json");
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first`);
  const manifest: Manifest = JSON.parse(readFileSync(path, "utf8"));
  return { dist, manifest };
}

/** A chunk and everything it imports statically: what the browser fetches before it runs. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

const gzipped = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The source modules bundled into a chunk, from its source map. */
function modules(dist: string, file: string): string[] {
  const map = join(dist, `${file}.map`);
  if (!existsSync(map)) return [];
  const parsed: { sources?: string[] } = JSON.parse(readFileSync(map, "utf8"));
  return parsed.sources ?? [];
}

type Row = { app: string; check: string; value: string; limit: string; ok: boolean };
const rows: Row[] = [];

function initialJs(app: string, limitKb: number) {
  const { dist, manifest } = load(app);
  const entry = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const files = [...closure(manifest, entry)]
    .map((key) => manifest[key]?.file ?? "")
    .filter((file) => file.endsWith(".js"));
  const css = [...closure(manifest, entry)].flatMap((key) => manifest[key]?.css ?? []);
  const js = files.reduce((sum, file) => sum + gzipped(dist, file), 0);
  const styles = css.reduce((sum, file) => sum + gzipped(dist, file), 0);
  rows.push({
    app,
    check: `initial JS (${files.length} files, gzip)`,
    value: `${kB(js)} kB`,
    limit: `≤ ${limitKb} kB`,
    ok: kB(js) <= limitKb,
  });
  rows.push({ app, check: "initial CSS (gzip)", value: `${kB(styles)} kB`, limit: "reported", ok: true });
}

function homeIsolated() {
  const { dist, manifest } = load("storefront");
  const entry = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  // The home page is either in the entry chunk or a lazy chunk of its own.
  const homeChunk = Object.keys(manifest).find((key) => manifest[key]?.src === "src/pages/home.tsx");
  const visit = closure(manifest, homeChunk ? [...entry, homeChunk] : entry);
  const sources = [...visit].flatMap((key) =>
    modules(dist, manifest[key]?.file ?? "").map((source) => ({ file: manifest[key]?.file ?? "", source })),
  );
  if (!sources.some(({ source }) => source.endsWith("src/pages/home.tsx")))
    throw new Error("the home page's module was not found in the chunks it loads");
  const forbidden = /pages\/checkout\/|components\/payment\/|@stripe\/|apps\/admin\//;
  const leaked = sources.filter(({ source }) => forbidden.test(source)).map(({ file, source }) => `${file}: ${source}`);
  rows.push({
    app: "storefront",
    check: "home page downloads checkout/payment/admin code",
    value: leaked.length ? leaked.join(", ") : "none",
    limit: "none",
    ok: leaked.length === 0,
  });
}

initialJs("storefront", 150);
initialJs("admin", 300);
homeIsolated();

console.table(
  rows.map(({ app, check, value, limit, ok }) => ({ app, check, value, limit, result: ok ? "ok" : "OVER" })),
);
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "budgets.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`,
);
if (rows.some((row) => !row.ok)) {
  console.error("A load budget is missed.");
  process.exit(1);
}
