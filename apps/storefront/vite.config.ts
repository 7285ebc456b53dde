import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { devProxy } from "@shop/config/vite/dev-proxy";
import { precompress } from "@shop/config/vite/precompress";

// react-router's package exports only its development build (warnings, slower); bundlers are
// expected to pick the production one, as its own framework plugin does. Both builds use it.
const reactRouter = join(
  dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
  "dist/production/index.mjs",
);

// Two builds: the browser app (dist/, with a manifest the server reads to link a page's scripts
// and styles) and the server renderer (`vite build --ssr src/entry-server.tsx`, dist-ssr/, loaded
// by apps/server; npm dependencies stay external, the workspace packages are bundled in).
export default defineConfig(({ isSsrBuild, command }) => ({
  plugins: [react(), tailwindcss(), ...(isSsrBuild ? [] : [precompress()])],
  resolve: command === "build" ? { alias: [{ find: /^react-router$/, replacement: reactRouter }] } : {},
  // Bundled into the renderer, so the alias above applies there too.
  ssr: { noExternal: ["react-router"] },
  // In development Vite proxies the API (apps/server, on $PORT) so the browser sees one origin.
  server: { port: 5173, strictPort: true, proxy: devProxy() },
  build: isSsrBuild ? { sourcemap: true, outDir: "dist-ssr", emptyOutDir: true } : { sourcemap: true, manifest: true },
}));
