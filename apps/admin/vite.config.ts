import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "@shop/config/vite/precompress";

const api = "http://localhost:3000";

// Served under /admin by the API server; in development Vite proxies the API like the storefront.
export default defineConfig({
  base: "/admin/",
  plugins: [react(), tailwindcss(), precompress()],
  server: { port: 5174, strictPort: true, proxy: { "/trpc": api, "/media": api, "/api": api } },
  build: { sourcemap: true, manifest: true },
});
