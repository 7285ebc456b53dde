import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

describe("admin route errors", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("a page whose code fails to load shows a way back and is reported as an uncaught error", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/sign-in");
    await page.getByLabel("Email").fill("staff@example.com");
    await page.getByLabel("Password").fill("staff-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "To do" }).waitFor();
    // A deploy replaced the chunks this tab would load next (or the network dropped them).
    await page.route(/\/admin\/assets\/.*\.js$/, (route) => route.abort());
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Coupons" }).click();
    await page.getByRole("alert").getByText("This page failed to load.").waitFor();
    expect(errors.length).toBeGreaterThan(0);
    await page.unroute(/\/admin\/assets\/.*\.js$/);
    await page.getByRole("link", { name: "Back to the admin home" }).click();
    await page.getByRole("heading", { name: "To do" }).waitFor();
    await context.close();
  });
});
