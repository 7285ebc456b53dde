import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { launchBrowser } from "./support/browser.ts";
import { addSomethingToCart } from "./support/shopping.ts";
import { serveStatic } from "./support/static-server.ts";

const root = join(import.meta.dirname, "..");

/** `vite build` of an app with VITE_API_URL, as a static host would get it. */
function buildApp(app: "storefront" | "admin", apiUrl: string) {
  const outDir = mkdtempSync(join(tmpdir(), `shop-static-${app}-`));
  const built = spawnSync("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    cwd: join(root, "apps", app),
    env: { ...process.env, VITE_API_URL: apiUrl },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`vite build of ${app} failed:\n${built.stderr}`);
  return outDir;
}

const bundleText = (dir: string) =>
  readdirSync(join(dir, "assets"))
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(dir, "assets", file), "utf8"))
    .join("\n");

const CartItems = z.object({
  result: z.object({ data: z.object({ json: z.object({ items: z.array(z.unknown()) }) }) }),
});

describe("storefront built as a static site calling the API on another origin", () => {
  const api = inject("baseUrl");
  const allowed = new URL(inject("staticOrigin"));
  let browser: Browser;
  const dirs: string[] = [];
  const hosts: Server[] = [];
  let refusedOrigin = "";

  beforeAll(async () => {
    const storefront = buildApp("storefront", api);
    dirs.push(storefront);
    hosts.push(await serveStatic(storefront, allowed.hostname, Number(allowed.port)));
    const refused = await serveStatic(storefront, "127.0.0.1", 0);
    hosts.push(refused);
    const address = refused.address();
    refusedOrigin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await new Promise((resolve) => host.close(resolve));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("bakes the API's URL into both apps' bundles", () => {
    const admin = buildApp("admin", api);
    dirs.push(admin);
    expect(bundleText(admin)).toContain(api);
    expect(bundleText(dirs[0] ?? "")).toContain(api);
  });

  it("shops from an allowed origin: the catalog loads and the cart cookie travels with credentialed requests", async () => {
    const context = await browser.newContext({ baseURL: allowed.origin });
    const page = await context.newPage();
    const apiCalls: string[] = [];
    page.on("response", (response) => {
      if (response.url().startsWith(`${api}/trpc/`))
        apiCalls.push(`${response.status()} ${response.headers()["access-control-allow-origin"]}`);
    });
    await addSomethingToCart(page);
    expect(page.url().startsWith(allowed.origin)).toBe(true);
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((call) => call === `200 ${allowed.origin}`)).toBe(true);
    // The API set shop_cart on its own origin; the page's next credentialed call sends it back
    // (same site: 127.0.0.1, so SameSite=Lax does not hold it back).
    const cart = await page.evaluate(
      async (url) => (await fetch(`${url}/trpc/cart.get`, { credentials: "include" })).json(),
      api,
    );
    expect(CartItems.parse(cart).result.data.json.items).toHaveLength(1);
    await context.close();
  });

  it("is refused from an origin the API does not list", async () => {
    const context = await browser.newContext({ baseURL: refusedOrigin });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("requestfailed", (request) => {
      if (request.url().startsWith(`${api}/trpc/`)) failed.push(request.url());
    });
    await page.goto("/search?q=earbuds");
    await expect.poll(() => failed.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId("product-card").count()).toBe(0);
    const direct = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/trpc/catalog.categories`, { credentials: "include" });
        return "answered";
      } catch (error) {
        return error instanceof TypeError ? "blocked by CORS" : "other error";
      }
    }, api);
    expect(direct).toBe("blocked by CORS");
    await context.close();
  });
});
