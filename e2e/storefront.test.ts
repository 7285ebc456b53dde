import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

describe("storefront", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("home shows seeded products with name, brand, price and image", async () => {
    const { page, errors, context } = await openPage(browser, "/");
    const cards = page.getByTestId("product-card");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(24);
    const first = cards.first();
    expect(await first.getByRole("heading").textContent()).toMatch(/\w+/);
    expect(await first.textContent()).toMatch(/\$\d/);
    const image = first.getByRole("img");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Show more" }).click();
    await expect.poll(() => cards.count()).toBe(48);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers an unknown page with a helpful not-found page", async () => {
    const { page, context } = await openPage(browser, "/no-such-page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await page.getByRole("link", { name: "Go to the home page" }).count()).toBe(1);
    await context.close();
  });
});
