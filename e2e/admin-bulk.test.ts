import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { pageAs } from "./support/ux.ts";

/** Ticks the first `count` rows of the list; returns their order numbers or product names. */
async function selectRows(page: Page, testId: string, count: number): Promise<string[]> {
  const rows = page.getByTestId(testId);
  await rows.nth(count - 1).waitFor();
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    await row.getByRole("checkbox").check();
    names.push((await row.getByRole("link").first().textContent()) ?? "");
  }
  return names;
}

describe("bulk work on orders and products", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("exports selected orders as CSV with progress, and each order's audit trail says so", async () => {
    const { page, errors, context } = await pageAs(browser, "admin");
    await page.goto("/admin/orders?payment=PAID");
    const numbers = await selectRows(page, "order-row", 3);
    const bar = page.getByRole("toolbar", { name: "Bulk actions" });
    expect(await bar.textContent()).toContain("3 selected");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      bar.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^order_number,placed_at,email,/);
    expect(lines.slice(1).map((line) => `#${line.split(",")[0]}`)).toEqual(numbers);
    const status = page.getByTestId("export-status");
    expect(await status.textContent()).toBe("Exported 3 of 3 orders — done");

    await page.goto("/admin/audit?action=order.export");
    const audit = page.getByTestId("audit-row");
    await audit.first().waitFor();
    const labels = (await audit.allTextContents()).join(" ");
    for (const number of numbers) expect(labels).toContain(`Order ${number}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("prints a packing slip for each selected order on one page", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/orders?payment=PAID&fulfillment=UNFULFILLED");
    const numbers = await selectRows(page, "order-row", 3);
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Print packing slips" })
      .click();
    await page.waitForURL(/\/admin\/orders\/slips\?ids=\d+,\d+,\d+$/);
    await page.getByTestId("slips-status").filter({ hasText: "3 packing slips ready to print" }).waitFor();
    const slips = page.getByTestId("packing-slip");
    expect(await slips.count()).toBe(3);
    const headings = await slips.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(numbers.map((number) => `Packing slip · Order ${number}`));
    expect(await slips.first().getByTestId("address-lines").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Print" }).isEnabled()).toBe(true);
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("tags selected products in bulk; a tag opens the products carrying it", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/products?sort=name");
    const names = await selectRows(page, "product-row", 2);
    const bar = page.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Add tags" }).click();
    expect(await bar.getByRole("alert").textContent()).toBe("Enter at least one tag");
    const tag = `Bulk Test ${Date.now() % 100_000}`;
    const slug = tag.toLowerCase().replaceAll(" ", "-");
    await bar.getByLabel("Tags to add").fill(tag);
    await bar.getByRole("button", { name: "Add tags" }).click();
    const status = page.getByTestId("bulk-status");
    await status.filter({ hasText: "— done" }).waitFor();
    expect(await status.textContent()).toBe(`Tagged “${slug}”: 2 of 2 products — done`);
    await page.getByTestId("product-row").first().getByRole("link", { name: slug }).click();
    await page.waitForURL(new RegExp(`/admin/products\\?tag=${slug}$`));
    const rows = page.getByTestId("product-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.allTextContents()).map((text) => names.some((name) => text.includes(name)))).toEqual([
      true,
      true,
    ]);
    await rows.first().getByRole("link").first().click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    await expect.poll(() => page.getByLabel("Tags", { exact: true }).inputValue()).toContain(slug);
    expect(errors).toEqual([]);
    await context.close();
  });
});
