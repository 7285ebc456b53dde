import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { CreateRenderer, RendererOptions, StorefrontRenderer } from "@shop/client/ssr";

/**
 * The storefront's renderer: its server bundle, built by `vite build --ssr` apart from this server,
 * imported at start-up. The bundle's `createRenderer` is declared against the shared contract
 * (`@shop/client/ssr`); across the dynamic import only its presence can be checked.
 */
export async function loadRenderer(entry: string, options: RendererOptions): Promise<StorefrontRenderer> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const module: unknown = await import(pathToFileURL(entry).href);
  if (!hasCreateRenderer(module)) throw new Error(`${entry} does not export createRenderer`);
  return module.createRenderer(options);
}

function hasCreateRenderer(module: unknown): module is { createRenderer: CreateRenderer } {
  return (
    typeof module === "object" &&
    module !== null &&
    "createRenderer" in module &&
    typeof module.createRenderer === "function"
  );
}
