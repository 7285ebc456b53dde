import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";

describe("storefront", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("home shows featured, categories, new arrivals and best sellers with loaded images", async () => {
    const { page, errors, context } = await openPage(browser, "/");
    for (const name of ["Featured", "Shop by category", "New arrivals", "Best sellers"]) {
      await page.getByRole("heading", { name, exact: true }).waitFor();
    }
    const cards = page.getByRole("region", { name: "New arrivals" }).getByTestId("product-card");
    await expect.poll(() => cards.count()).toBe(8);
    const first = cards.first();
    expect(await first.getByRole("heading").textContent()).toMatch(/\w+/);
    expect(await first.textContent()).toMatch(/\$\d/);
    const image = first.getByRole("img");
    // Explicit dimensions, so the grid does not jump while images load lazily.
    expect(Number(await image.getAttribute("width"))).toBeGreaterThan(0);
    expect(Number(await image.getAttribute("height"))).toBeGreaterThan(0);
    expect(await image.getAttribute("loading")).toBe("lazy");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("suggests products while typing, tolerates typos, and searches on Enter", async () => {
    const { page, errors, context } = await openPage(browser, "/");
    const box = page.getByRole("combobox", { name: "Search products" });
    await box.fill("iphnoe");
    const options = page.getByRole("option");
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("iPhone")]));
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=iphnoe$/);
    await page.getByText("Showing results for “iphone”").first().waitFor();
    const names = await page.getByTestId("product-card").getByRole("heading").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.includes("iPhone"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters and sorts through the URL, with counts, and the back button undoes a filter", async () => {
    const { page, errors, context } = await openPage(browser, "/c/phones?brand=apple&sort=price_asc");
    await page.getByRole("heading", { name: "Phones", level: 1 }).waitFor();
    const cards = page.getByTestId("product-card");
    await cards.first().waitFor();
    const brands = await cards.locator("p.uppercase").allTextContents();
    expect(new Set(brands)).toEqual(new Set(["Apple"]));
    const prices = (await cards.locator("p.font-semibold").allTextContents()).map((text) =>
      Number((text.match(/[\d,.]+/)?.[0] ?? "").replace(/,/g, "")),
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const count = Number((await page.getByTestId("result-count").textContent())?.match(/\d+/)?.[0]);
    const samsung = page.getByRole("checkbox", { name: /Samsung/ }).locator("visible=true");
    const samsungCount = Number((await samsung.locator("xpath=..").textContent())?.match(/(\d+)$/)?.[1]);
    await samsung.click();
    await page.waitForURL(/brand=apple&brand=samsung/);
    await expect
      .poll(async () => Number((await page.getByTestId("result-count").textContent())?.match(/\d+/)?.[0]))
      .toBe(count + samsungCount);
    await page.goBack();
    await page.waitForURL(/\/c\/phones\?brand=apple&sort=price_asc$/);
    await expect
      .poll(async () => Number((await page.getByTestId("result-count").textContent())?.match(/\d+/)?.[0]))
      .toBe(count);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens a product with gallery, variant picker, price, stock state and add-to-cart", async () => {
    const { page, errors, context } = await openPage(browser, "/search?q=iphone&sort=best_selling");
    const card = page.getByTestId("product-card").first();
    const name = (await card.getByRole("heading").textContent()) ?? "";
    await card.getByRole("link").click();
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    expect(await page.getByRole("navigation", { name: "Breadcrumb" }).textContent()).toContain("Phones");
    await expect
      .poll(() => page.getByTestId("gallery-main").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.getByTestId("price").textContent()).toMatch(/\$\d/);
    expect(await page.getByTestId("stock-state").textContent()).toMatch(/In stock|Only \d+ left|Out of stock/);
    const storage = page.getByRole("group", { name: /Storage/ });
    expect(await storage.getByRole("button").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("add-to-cart").textContent()).toMatch(/^(Add to cart|Out of stock)$/);
    await page.getByRole("heading", { name: "Reviews" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers an unknown page or product with a helpful page", async () => {
    const { page, context } = await openPage(browser, "/no-such-page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await page.getByRole("link", { name: "Go to the home page" }).count()).toBe(1);
    await page.goto("/p/no-such-product");
    await waitForHydration(page);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await context.close();
  });
});
