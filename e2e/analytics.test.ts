import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, waitForHydration } from "./support/browser.ts";
import { addSomethingToCart, fillAddress } from "./support/shopping.ts";

// Headless Chromium announces itself as "HeadlessChrome", which the server ignores as a bot; a
// shopper's browser does not, so these contexts use an ordinary user agent (unique per run, so
// the visitor is new).
const shopperAgent = () =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 e2e-${Date.now()}`;

type Sent = { type: string; path: string; productId?: number; step?: string };

async function shopper(browser: Browser, options: { gpc?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: baseUrl(), userAgent: shopperAgent() });
  if (options.gpc)
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
    );
  const page = await context.newPage();
  const sent: Sent[] = [];
  const recorded: number[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("/trpc/analytics.track")) return;
    const body: unknown = request.postDataJSON();
    const events =
      body &&
      typeof body === "object" &&
      "json" in body &&
      body.json &&
      typeof body.json === "object" &&
      "events" in body.json
        ? body.json.events
        : [];
    if (Array.isArray(events))
      sent.push(
        ...events.filter((event): event is Sent => typeof event === "object" && event !== null && "type" in event),
      );
  });
  page.on("response", async (response) => {
    if (!response.url().includes("/trpc/analytics.track")) return;
    const text = await response.text().catch(() => "");
    const count = /"recorded":(\d+)/.exec(text)?.[1];
    recorded.push(count === undefined ? -response.status() : Number(count));
  });
  return { context, page, sent, recorded };
}

async function funnelCounts(page: Page) {
  await page.goto("/admin/funnel");
  const table = page.getByTestId("funnel");
  const empty = page.getByRole("heading", { name: "No visits in this range" });
  await table.or(empty).first().waitFor();
  if (await empty.isVisible()) return { visitors: 0, purchase: 0 };
  const cell = async (step: string) =>
    Number((await table.locator(`tr[data-step="${step}"] td`).first().textContent())?.replace(/\D/g, ""));
  return { visitors: await cell("visitors"), purchase: await cell("purchase") };
}

describe("storefront analytics", () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("admin-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "To do" }).waitFor();
    admin = { context, page };
  });
  afterAll(() => browser?.close());

  it("records page views, a product view, add to cart and checkout steps, and the admin funnel counts the visitor", async () => {
    const before = await funnelCounts(admin.page);
    const { context, page, sent, recorded } = await shopper(browser);
    await page.goto("/");
    await waitForHydration(page);
    await addSomethingToCart(page);
    await page.getByTestId("cart-link").click();
    await page.getByRole("button", { name: "Check out" }).click();
    await page.getByLabel("Email").fill("funnel.buyer@example.com");
    await fillAddress(page);
    await page.getByRole("radio", { name: /Standard/ }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();

    // Batches leave every few seconds; wait for the last one.
    await expect.poll(() => sent.some((event) => event.type === "PURCHASE"), { timeout: 10_000 }).toBe(true);
    const types = new Set(sent.map((event) => (event.step ? `${event.type}:${event.step}` : event.type)));
    expect([...types]).toEqual(
      expect.arrayContaining([
        "PAGE_VIEW",
        "PRODUCT_VIEW",
        "ADD_TO_CART",
        "CHECKOUT_STEP:details",
        "CHECKOUT_STEP:payment",
        "PURCHASE",
      ]),
    );
    expect(sent.find((event) => event.type === "PRODUCT_VIEW")?.productId).toBeGreaterThan(0);
    // Paths only: the search page's query string stays in the browser.
    expect(sent.every((event) => !event.path.includes("?"))).toBe(true);
    expect(sent.map((event) => event.path)).toContain("/search");
    await expect.poll(() => recorded.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(recorded.every((count) => count > 0)).toBe(true);
    expect(recorded.reduce((sum, count) => sum + count, 0)).toBe(sent.length);
    await context.close();

    const after = await funnelCounts(admin.page);
    expect(after.visitors).toBe(before.visitors + 1);
    expect(after.purchase).toBe(before.purchase + 1);
    expect(await admin.page.getByRole("row", { name: /Placed an order/ }).textContent()).toMatch(/%/);
  });

  it("sends nothing from a browser with Global Privacy Control", async () => {
    const { context, page, sent } = await shopper(browser, { gpc: true });
    await page.goto("/");
    await waitForHydration(page);
    await addSomethingToCart(page);
    expect(await page.evaluate(() => "globalPrivacyControl" in navigator)).toBe(true);
    await page.waitForTimeout(4_000);
    expect(sent).toEqual([]);
    await context.close();
  });
});
