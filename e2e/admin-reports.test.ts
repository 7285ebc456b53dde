import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

describe("admin dashboard and reports", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("shows a year of sales as figures and a chart, and downloads a report as CSV", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/sign-in");
    await page.getByLabel("Email").fill("staff@example.com");
    await page.getByLabel("Password").fill("staff-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The home says what to do; the sales figures are one click away.
    await page.getByRole("heading", { name: "To do" }).waitFor();
    await page.getByRole("link", { name: "Sales dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByLabel("Date range").selectOption("12m");
    await page.waitForURL(/range=12m/);

    // The seeded shop sold all year: one bar per month with revenue, and the KPIs agree with it.
    const bars = page.locator("[data-testid=sales-chart] svg .recharts-bar-rectangle path");
    await expect.poll(() => bars.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    const orders = await page.locator("[data-kpi=orders] dd").first().textContent();
    expect(Number(orders?.replace(/\D/g, ""))).toBeGreaterThan(100);
    expect(await page.locator("[data-kpi=revenue] dd").first().textContent()).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(await page.getByRole("region", { name: "Top products" }).getByRole("row").count()).toBe(6);

    await page.getByRole("link", { name: "All reports" }).click();
    await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Products" }).click();
    await page.waitForURL(/\/admin\/reports\/products\?/);
    // The previous report stays on screen until this one arrives.
    await page.getByRole("columnheader", { name: "Product" }).waitFor();
    const firstRow = page.getByRole("row").nth(1);
    const firstProduct = await firstRow.getByRole("cell").first().textContent();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
    expect(lines[0]).toBe("Product,Category,Brand,Orders,Units,Revenue");
    expect(lines[1]).toMatch(/^.+,\d+,\d+,\d+\.\d{2}$/);
    expect(firstProduct).toBeTruthy();
    expect(lines[1]).toContain(firstProduct);
    expect(errors).toEqual([]);
    await context.close();
  });
});
