import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { devProxy } from "@shop/config/vite/dev-proxy";
import { precompress } from "@shop/config/vite/precompress";

// Served under /admin by the API server; in development Vite proxies the API (on $PORT) like the storefront.
export default defineConfig({
  base: "/admin/",
  plugins: [react(), tailwindcss(), precompress()],
  server: { port: 5174, strictPort: true, proxy: devProxy() },
  build: { sourcemap: true, manifest: true },
});
