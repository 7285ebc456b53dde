import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { fillAddress, payWithCard } from "./support/shopping.ts";

async function openProduct(page: Page, query: string) {
  await page.goto(`/search?q=${encodeURIComponent(query)}&stock=1&sort=best_selling`);
  await waitForHydration(page);
  await page.getByTestId("product-card").first().getByRole("link").click();
  await page.waitForURL(/\/p\/[a-z0-9-]+$/);
  await page
    .getByTestId("add-to-cart")
    .and(page.getByRole("button", { name: "Add to cart" }))
    .waitFor();
}

describe("storefront details", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("adding to the cart opens the mini-cart with the line and the subtotal, and closes back to the page", async () => {
    const { page, context, errors } = await openPage(browser, "/");
    await openProduct(page, "earbuds");
    const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await page.getByTestId("add-to-cart").click();
    const drawer = page.getByRole("dialog", { name: "Your cart" });
    await drawer.waitFor();
    expect(await drawer.getByTestId("summary-line").first().innerText()).toContain(name);
    expect(await drawer.innerText()).toMatch(/Subtotal \(1 item\)\s+\$\d/);
    await drawer.getByRole("link", { name: "Check out" }).waitFor();
    await drawer.getByRole("button", { name: "Continue shopping" }).click();
    await drawer.waitFor({ state: "hidden" });
    expect(page.url()).toMatch(/\/p\//);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("on a phone, a bar keeps Add to cart at hand once the button has scrolled away", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await openProduct(page, "case");
    const bar = page.getByTestId("sticky-add-to-cart");
    await page.getByTestId("add-to-cart").scrollIntoViewIfNeeded();
    await expect.poll(() => bar.count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await bar.waitFor();
    await bar.getByRole("button", { name: "Add to cart" }).click();
    await page.getByRole("dialog", { name: "Your cart" }).waitFor();
    await context.close();

    // Not on a desktop, where the button has room.
    const desktop = await openPage(browser, "/");
    await openProduct(desktop.page, "case");
    await desktop.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await desktop.page.getByTestId("sticky-add-to-cart").isVisible()).toBe(false);
    await desktop.context.close();
  });

  it("the search box shows the query on the results only", async () => {
    const { page, context } = await openPage(browser, "/search?q=earbuds");
    const box = page.getByRole("combobox", { name: "Search products" });
    expect(await box.inputValue()).toBe("earbuds");
    await page.getByTestId("product-card").first().getByRole("link").click();
    await page.waitForURL(/\/p\//);
    await expect.poll(() => box.inputValue()).toBe("");
    await page.goBack();
    await expect.poll(() => box.inputValue()).toBe("earbuds");
    await context.close();
  });

  it("the confirmation shows the status as a badge and explains a discounted line's total", async () => {
    const { page, context } = await openPage(browser, "/");
    await openProduct(page, "earbuds");
    await page.getByTestId("add-to-cart").click();
    await page.getByRole("dialog", { name: "Your cart" }).getByRole("link", { name: "Check out" }).click();
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    await page.getByLabel("Email").fill(`badge.${Date.now()}@example.com`);
    await fillAddress(page);
    const summary = page.getByRole("complementary", { name: "Order summary" });
    await summary.getByLabel("Discount code").fill("WELCOME10");
    await summary.getByRole("button", { name: "Apply" }).click();
    await summary.getByText(/Discount \(WELCOME10\)/).waitFor();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    await payWithCard(page, "4242 4242 4242 4242");
    await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
    const badge = page.getByTestId("order-status");
    expect(await badge.textContent()).toBe("Paid");
    expect(await badge.getAttribute("class")).toContain("rounded-full");
    expect(await page.getByTestId("line-discount").first().innerText()).toMatch(
      /^\$[\d.,]+ less \$[\d.,]+ from code WELCOME10$/,
    );
    await context.close();
  });
});
