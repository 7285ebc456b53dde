import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { PageAssets } from "./state.ts";

const Manifest = z.record(
  z.string(),
  z.object({ file: z.string(), imports: z.array(z.string()).optional(), css: z.array(z.string()).optional() }),
);

/**
 * The scripts and styles of the client build, from its Vite manifest: the entry with its static
 * imports and styles, plus the chunk of the page being rendered, so the browser fetches the page's
 * code in parallel with the entry and has it before hydrating.
 */
export function clientAssets(clientDir: string) {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(clientDir, ".vite", "manifest.json"), "utf8")));
  const closure = (keys: readonly string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || !manifest[key]) return;
      seen.add(key);
      manifest[key].imports?.forEach(visit);
    };
    keys.forEach(visit);
    return [...seen];
  };
  const url = (key: string) => `/${manifest[key]?.file ?? key}`;
  const entryKey = "index.html";
  const entry = manifest[entryKey];
  if (!entry) throw new Error(`${clientDir} has no index.html entry in its manifest: build the storefront first`);
  const entryChunks = closure([entryKey]);
  const styles = entryChunks.flatMap((key) => manifest[key]?.css ?? []).map((file) => `/${file}`);
  return {
    /** The assets of a page made of these lazy page modules (their source paths). */
    forModules(modules: readonly string[]): PageAssets {
      const preloads = new Set([...entryChunks, ...closure(modules)].map(url));
      preloads.delete(url(entryKey));
      return { entry: url(entryKey), styles, preloads: [...preloads] };
    },
  };
}
