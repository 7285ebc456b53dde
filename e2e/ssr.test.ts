import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, waitForHydration } from "./support/browser.ts";

// Server-rendered pages in a real browser: they hydrate without a mismatch and without asking the
// API again for what the HTML already holds; with JavaScript off they still carry the shop.

/** Procedures a first load may call: who is signed in and their cart (never in the shared HTML). */
const PERSONAL = new Set(["auth.me", "cart.get"]);

async function load(browser: Browser, path: string) {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  const problems: string[] = [];
  const calls: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/trpc/")) calls.push(...url.pathname.slice(6).split(","));
  });
  const response = await page.goto(path, { waitUntil: "networkidle" });
  await waitForHydration(page);
  return { context, page, problems, calls, status: response?.status() };
}

const firstHref = async (page: Page, selector: string) => {
  const href = await page.locator(selector).first().getAttribute("href");
  if (!href) throw new Error(`nothing matches ${selector}`);
  return href;
};

describe("server-rendered storefront in Chromium", () => {
  let browser: Browser;
  let listing = "";
  let product = "";
  beforeAll(async () => {
    browser = await launchBrowser();
    const { context, page } = await load(browser, "/");
    listing = await firstHref(page, "nav[aria-label=Categories] a[href^='/c/']");
    await page.goto("/search?sort=rating");
    product = await firstHref(page, "[data-testid=product-card] a[href^='/p/']");
    await context.close();
  });
  afterAll(() => browser?.close());

  it("home, a listing and a product page hydrate without errors and without fetching their data again", async () => {
    for (const path of ["/", listing, product]) {
      const { context, page, problems, calls, status } = await load(browser, path);
      expect(status, path).toBe(200);
      expect(problems, path).toEqual([]);
      expect(
        calls.filter((call) => !PERSONAL.has(call)),
        path,
      ).toEqual([]);
      // Hydrated for real: client-side navigation works from here.
      await page.locator("header").getByRole("link", { name: "Shop", exact: true }).click();
      await page.waitForURL(`${baseUrl()}/`);
      await context.close();
    }
  });

  it("a hydrated product page takes orders: choose, add to cart", async () => {
    const { context, page, problems } = await load(browser, product);
    await page.getByTestId("add-to-cart").click();
    await page.getByText("Added to your cart.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("with JavaScript off, a product page shows name, price, availability, pictures, description and reviews", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(product);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/\w/);
    expect(await page.getByTestId("price").textContent()).toMatch(/\$\d/);
    expect(await page.getByTestId("stock-state").textContent()).toMatch(/In stock|left|Out of stock/);
    const picture = page.getByTestId("gallery-main");
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.locator("main p.leading-relaxed").textContent()).toMatch(/\w{3}/);
    expect(await page.getByTestId("review").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("with JavaScript off, a listing links to its products and walks to the next page", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(listing);
    const names = () => page.getByTestId("product-card").getByRole("heading").allTextContents();
    const first = await names();
    expect(first.length).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Show more" }).click();
    await page.waitForURL(/cursor=/);
    const second = await names();
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((name) => first.includes(name))).toBe(false);
    await context.close();
  });
});
