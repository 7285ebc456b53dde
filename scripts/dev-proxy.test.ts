import { afterEach, describe, expect, it, vi } from "vitest";
import { devProxy } from "@shop/config/vite/dev-proxy";

// In `npm run dev` the apps' Vite servers proxy the API; they must follow the port it listens on.
describe("the dev servers' proxy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("targets the API's PORT, 3000 by default", () => {
    expect(devProxy({})["/trpc"]).toBe("http://localhost:3000");
    expect(devProxy({ PORT: "4123" })).toEqual({
      "/trpc": "http://localhost:4123",
      "/media": "http://localhost:4123",
      "/api": "http://localhost:4123",
    });
  });

  it("is what both apps' Vite configs use", async () => {
    vi.stubEnv("PORT", "4123");
    const storefront = (await import("../apps/storefront/vite.config.ts")).default;
    const admin = (await import("../apps/admin/vite.config.ts")).default;
    const resolved =
      typeof storefront === "function"
        ? await storefront({ command: "serve", mode: "development", isSsrBuild: false })
        : storefront;
    for (const config of [resolved, admin]) {
      expect(config && "server" in config ? config.server?.proxy : null).toEqual(devProxy({ PORT: "4123" }));
    }
  }, 60_000); // loading the configs loads Vite's plugins
});
