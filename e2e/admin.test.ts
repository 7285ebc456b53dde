import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("admin", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("sends visitors to sign in, then shows staff the products table", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/products");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "staff@example.com", "staff-demo-password");
    await page.waitForURL(/\/admin\/products$/);
    const rows = page.getByTestId("product-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    expect(await page.getByRole("columnheader").allTextContents()).toEqual(
      expect.arrayContaining(["Product", "Status", "Price", "Available"]),
    );
    await page.getByLabel("Status").selectOption("DRAFT");
    await page.waitForURL(/status=DRAFT/);
    await expect.poll(async () => (await page.getByTestId("product-row").allTextContents()).every((row) => row.includes("draft"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses a customer at sign-in", async () => {
    const { page, context } = await openPage(browser, "/admin/sign-in");
    await signIn(page, "customer@example.com", "customer-demo-password");
    await page.getByText("This account cannot sign in to the back office").waitFor();
    expect(page.url()).toMatch(/\/admin\/sign-in$/);
    await context.close();
  });
});
