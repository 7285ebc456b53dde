import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";
import { solidPng } from "./support/png.ts";

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
    await expect
      .poll(async () => (await page.getByTestId("product-row").allTextContents()).every((row) => row.includes("draft")))
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("creates a product with variants and an image, publishes it, and shoppers find it", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/products");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "staff@example.com", "staff-demo-password");
    await page.waitForURL(/\/admin\/products$/);
    await page.getByRole("link", { name: "New product" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Aurora Test Lamp");
    expect(await page.getByLabel("URL handle").inputValue()).toBe("aurora-test-lamp");
    await page.getByLabel("Brand").selectOption({ label: "Apple" });
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByLabel("Option name").fill("Colour");
    await page.getByLabel("Values (comma-separated)").fill("Red, Green");
    await page.getByLabel("Price of variant 1", { exact: true }).fill("24.50");
    await page.getByRole("button", { name: "Generate variants" }).click();
    await expect.poll(() => page.getByTestId("variant-row").count()).toBe(2);
    await page.getByLabel("Price of variant 2", { exact: true }).fill("26.00");
    await page.getByLabel("Stock of variant 1").fill("7");
    await page.getByLabel("Stock of variant 2").fill("0");
    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    await page
      .getByLabel(/Upload image/)
      .setInputFiles({ name: "lamp.png", mimeType: "image/png", buffer: solidPng(120, 90, [200, 40, 40]) });
    await page.getByTestId("image-row").waitFor();
    expect(await page.getByTestId("image-row").textContent()).toContain("120×90");
    await page.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();

    await page.goto("/search?q=aurora lamp");
    const card = page.getByTestId("product-card").filter({ hasText: "Aurora Test Lamp" });
    await card.waitFor();
    expect(await card.getByRole("img").getAttribute("width")).toBe("120");
    expect(await card.textContent()).toContain("$24.50");
    await card.getByRole("link").click();
    await page.getByRole("heading", { name: "Aurora Test Lamp", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Green (unavailable)" }).waitFor();
    await page.getByRole("button", { name: "Green (unavailable)" }).click();
    expect(await page.getByTestId("stock-state").textContent()).toBe("Out of stock");
    expect(await page.getByTestId("price").textContent()).toContain("$26.00");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("rejects a CSV import with per-row errors and imports nothing", async () => {
    const { page, context } = await openPage(browser, "/admin/products/import");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "staff@example.com", "staff-demo-password");
    // Signing in returns to the page that asked for it.
    await page.waitForURL(/\/admin\/products\/import$/);
    const header =
      "product_slug,product_name,status,brand,category,featured,description,seo_title,seo_description,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,compare_at_price,stock";
    const csv = [
      header,
      "csv-lamp,CSV Lamp,active,,,,,,,,,,,,,CSV-1,12.00,,3",
      "csv-lamp,CSV Lamp,active,,,,,,,,,,,,,CSV-2,twelve,,-1",
    ].join("\n");
    await page
      .getByLabel(/Import a CSV file/)
      .setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const table = page.getByTestId("csv-errors");
    await table.waitFor();
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows).toEqual([expect.stringMatching(/^3price/), expect.stringMatching(/^3stock/)]);
    await page.goto("/search?q=csv lamp");
    await page.getByRole("heading", { name: "No products match" }).waitFor();
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
