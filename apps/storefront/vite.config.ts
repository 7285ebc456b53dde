import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "@shop/config/vite/precompress";

// In development the API runs on :3000 (apps/server); Vite proxies to it so the browser sees
// one origin, exactly as in production.
const api = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  server: { port: 5173, strictPort: true, proxy: { "/trpc": api, "/media": api, "/api": api } },
  build: { sourcemap: true, manifest: true },
});
