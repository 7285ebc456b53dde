import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";
import { expectPlainText, fieldError } from "./support/plain-text.ts";
import { pageAs } from "./support/ux.ts";

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

/** The message on a field, after waiting for the field to be marked invalid. */
async function messageOn(page: Page, label: string): Promise<string | null> {
  await expect
    .poll(() => page.getByLabel(label, { exact: true }).first().getAttribute("aria-invalid"), { timeout: 10_000 })
    .toBe("true");
  return fieldError(page, label);
}

// Zod's and the database's own words ("Invalid input: expected number, received NaN", "Already
// exists") must never reach staff: each problem is said in words, on the field it is about.
describe("admin forms say what is wrong in plain words, on the field", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("product editor: a variant's missing price names the variant; a taken URL handle is named", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/products");
    await page.getByTestId("product-row").first().getByRole("link").first().click();
    // The editor opens before the product's data has arrived: wait for its handle, not an empty field.
    const handle = page.getByLabel("URL handle");
    await expect.poll(() => handle.inputValue(), { timeout: 15_000 }).not.toBe("");
    const taken = await handle.inputValue();

    await page.goto("/admin/products/new");
    await page.getByLabel("Name", { exact: true }).fill("Plain Words Phone");
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByLabel("Option name").nth(0).fill("Colour");
    await page.getByLabel("Values (comma-separated)").nth(0).fill("Black");
    await page.getByLabel("Option name").nth(1).fill("Storage");
    await page.getByLabel("Values (comma-separated)").nth(1).fill("128 GB");
    await page.getByRole("button", { name: "Generate variants" }).click();
    await page.getByRole("button", { name: "Create product" }).click();
    const priceMessage = "Enter a price for the Black / 128 GB variant, like 19.99";
    expect(await messageOn(page, "Price of variant 1")).toBe(priceMessage);
    expect(await page.getByTestId("form-problems").textContent()).toContain(priceMessage);
    await expectPlainText(page, "product editor");

    await page.getByLabel("Price of variant 1", { exact: true }).fill("499");
    await page.getByLabel("URL handle").fill(taken);
    await page.getByRole("button", { name: "Create product" }).click();
    expect(await messageOn(page, "URL handle")).toBe(
      `Another product already uses the URL handle “${taken}”, choose another`,
    );
    expect(page.url()).toMatch(/\/admin\/products\/new$/);
    await expectPlainText(page, "product editor, taken handle");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("categories, brands, coupons and stock: taken names and unreadable numbers", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/categories");
    await page.getByLabel("New category").fill("Phones");
    await page.getByRole("button", { name: "Add category" }).click();
    expect(await messageOn(page, "New category")).toMatch(
      /^The category “[^”]+” already uses the URL handle “phones”, choose another name$/,
    );

    await page.goto("/admin/brands");
    const brand = (await page.locator("tbody tr").first().locator("th, td").first().innerText()).trim();
    await page.getByLabel("New brand").fill(brand.toUpperCase());
    await page.getByRole("button", { name: "Add brand" }).click();
    expect(await messageOn(page, "New brand")).toBe(`There is already a brand called “${brand}”, choose another name`);

    await page.goto("/admin/coupons/new");
    await page.getByLabel("Code").fill(`WORDS${Date.now() % 100_000}`);
    await page.getByLabel("Percent off").fill("ten");
    await page.getByRole("button", { name: "Create coupon" }).click();
    expect(await messageOn(page, "Percent off")).toBe("Enter a whole percentage, e.g. 15");

    await page.goto("/admin/inventory");
    await page.getByTestId("stock-row").first().getByRole("link").first().click();
    await page.getByRole("button", { name: "Save adjustment" }).click();
    expect(await messageOn(page, "Units")).toBe("Enter a number of units");
    await expectPlainText(page, "stock adjustment");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("return window, webhooks and API keys (admin)", async () => {
    const { page, errors, context } = await pageAs(browser, "admin");
    await page.goto("/admin/returns");
    const days = "Days after delivery to ask for a return (0 turns returns off)";
    await page.getByLabel(days).fill("");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await messageOn(page, days)).toBe("Enter a number of days, 0 to turn returns off");
    await page.getByLabel(days).fill("400");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await messageOn(page, days)).toBe("Enter at most 365 days");

    await page.goto("/admin/webhooks");
    await page.getByLabel("URL", { exact: true }).fill("   ");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    expect(await messageOn(page, "URL")).toBe("Enter the URL");

    await page.goto("/admin/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    expect(await messageOn(page, "Name")).toBe("Name the key, e.g. after the system that uses it");
    await expectPlainText(page, "api keys");
    expect(errors).toEqual([]);
    await context.close();
  });
});
