import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const compressible = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `.br` and `.gz` beside every text asset of the build, once, at build time, so the
 * server (`@fastify/static` with `preCompressed`) sends them without compressing per request.
 * @returns {import("vite").Plugin}
 */
export function precompress() {
  let outDir = "dist";
  return {
    name: "shop-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir); // outDir may be absolute (a build into a temp dir)
    },
    closeBundle() {
      const walk = (dir) =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? (name === ".vite" ? [] : walk(path)) : [path];
        });
      for (const file of walk(outDir).filter((path) => compressible.test(path))) {
        const body = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
