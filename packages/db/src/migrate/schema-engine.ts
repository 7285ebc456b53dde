import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

let loaded: Promise<typeof bindings.SchemaEngine> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly. Its package entry imports the .wasm file as an
 * ES module, which only bundlers understand, so we instantiate the module ourselves in Node.
 */
export function loadSchemaEngine(): Promise<typeof bindings.SchemaEngine> {
  loaded ??= (async () => {
    const dir = dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg")));
    const bytes = await readFile(join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") start();
    return bindings.SchemaEngine;
  })();
  return loaded;
}
