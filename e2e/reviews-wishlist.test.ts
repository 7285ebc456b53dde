import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";

describe("wishlist and reviews", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("asks a guest to sign in to save a product, brings them back, and saves it", async () => {
    const { page, errors, context } = await openPage(browser, "/search?q=watch&stock=1");
    await page.getByTestId("product-card").first().getByRole("link").click();
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    // The URL changes before React renders the product (the route update is a transition).
    await page.getByTestId("price").waitFor();
    const productUrl = new URL(page.url()).pathname;
    const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await page.getByRole("button", { name: `Save ${name} to your wishlist` }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill("customer@example.com");
    await page.getByLabel("Password").fill("customer-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === productUrl);
    const toggle = page.getByRole("button", { name: `Save ${name} to your wishlist` });
    await toggle.click();
    await page.getByRole("button", { name: `Remove ${name} from your wishlist` }).waitFor();
    expect(await page.getByTestId("wishlist-toggle").first().getAttribute("aria-pressed")).toBe("true");
    await page.goto("/account/wishlist");
    await waitForHydration(page);
    await page.getByTestId("wishlist-item").filter({ hasText: name }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a shopper's review shows as plain text, and disappears when staff hide it", async () => {
    const title = `Honest take ${Date.now()}`;
    const body = `<img src=x onerror="window.__pwned=1"> Solid build, great battery.`;
    const shopper = await openPage(browser, "/sign-in?next=%2Fsearch%3Fq%3Dcable");
    await shopper.page.getByLabel("Email").fill("customer@example.com");
    await shopper.page.getByLabel("Password").fill("customer-demo-password");
    await shopper.page.getByRole("button", { name: "Sign in" }).click();
    await shopper.page.waitForURL(/\/search\?q=cable$/);
    await shopper.page.getByTestId("product-card").nth(2).getByRole("link").click();
    await shopper.page.waitForURL(/\/p\/[a-z0-9-]+$/);
    const productPath = new URL(shopper.page.url()).pathname;
    await shopper.page.getByRole("button", { name: /Write a review|Edit your review/ }).click();
    const form = shopper.page.getByRole("form", { name: /review/ });
    await form.getByRole("radio", { name: "4 stars" }).check({ force: true });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Review").fill(body);
    await form.getByRole("button", { name: /Post review|Save review/ }).click();
    await shopper.page.getByRole("combobox").filter({ hasText: "Newest" }).selectOption("newest");
    const mine = shopper.page.getByTestId("review").filter({ hasText: title });
    await mine.waitFor();
    expect(await mine.textContent()).toContain(`<img src=x onerror="window.__pwned=1">`);
    expect(await shopper.page.evaluate(() => "__pwned" in window)).toBe(false);

    const staff = await openPage(browser, "/admin/sign-in");
    await staff.page.getByLabel("Email").fill("staff@example.com");
    await staff.page.getByLabel("Password").fill("staff-demo-password");
    await staff.page.getByRole("button", { name: "Sign in" }).click();
    await staff.page.getByRole("heading", { name: "To do" }).waitFor();
    await staff.page.goto("/admin/reviews?status=all");
    const row = staff.page.getByTestId("admin-review").filter({ hasText: title });
    await row.getByRole("button", { name: /^Hide/ }).click();
    await row.getByText("Hidden").waitFor();
    expect(await staff.page.evaluate(() => "__pwned" in window)).toBe(false);

    await shopper.page.goto(productPath);
    await waitForHydration(shopper.page);
    await shopper.page.getByRole("heading", { name: "Reviews" }).waitFor();
    await shopper.page.getByText("Your review was hidden by the shop.").waitFor();
    expect(await shopper.page.getByTestId("review").filter({ hasText: title }).count()).toBe(0);

    // Hiding a published review can be undone from the toast; hidden again, it stays hidden.
    await row.getByRole("button", { name: /^Approve/ }).click();
    await row.getByText("Published").waitFor();
    await row.getByRole("button", { name: /^Hide/ }).click();
    await staff.page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
    await row.getByText("Published").waitFor();
    await row.getByRole("button", { name: /^Hide/ }).waitFor();
    // The list refetches after each moderation: what counts is where it settles.
    await expect.poll(() => row.getByRole("button", { name: /^Approve/ }).count(), { timeout: 10_000 }).toBe(0);
    await shopper.context.close();
    await staff.context.close();
  });
});
