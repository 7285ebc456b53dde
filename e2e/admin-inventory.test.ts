import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const STAFF_NAME = "Sasha Staff";
/** Nothing sticks out sideways: the page fits the screen it is on. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const level = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

describe("admin inventory", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("restocks a variant: the new level shows and the movement heads its history", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/inventory");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "staff@example.com", "staff-demo-password");
    await page.waitForURL(/\/admin\/inventory$/);
    const first = page.getByTestId("stock-row").first();
    await first.waitFor();
    const sku = (await first.getByRole("link").textContent()) ?? "";
    await first.getByRole("link").click();
    await page.waitForURL(/\/admin\/inventory\/\d+$/);
    await page.getByRole("heading", { name: new RegExp(sku) }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const onHand = await level(page, "level-on-hand");
    const available = await level(page, "level-available");

    await page.getByLabel("Reason").selectOption("RESTOCK");
    await page.getByLabel("Units", { exact: true }).fill("12");
    await page.getByLabel("Note (optional)").fill("Delivery from the e2e supplier");
    await page.getByRole("button", { name: "Save adjustment" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await expect.poll(() => level(page, "level-on-hand")).toBe(onHand + 12);
    expect(await level(page, "level-available")).toBe(available + 12);
    const latest = page.getByTestId("movement-row").first();
    await expect.poll(() => latest.textContent()).toContain("Delivery from the e2e supplier");
    const cells = await latest.getByRole("cell").allTextContents();
    expect(cells.slice(1, 3)).toEqual(["restock", `+12 → ${onHand + 12}`]);
    expect(cells[4]).toBe(STAFF_NAME);

    // Removing more than is available is refused beside the field, and changes nothing.
    await page.getByLabel("Reason").selectOption("DAMAGE");
    await page.getByLabel("Units", { exact: true }).fill(String(available + 13));
    await page.getByRole("button", { name: "Save adjustment" }).click();
    await page
      .getByText(/can be removed/)
      .first()
      .waitFor();
    expect(await level(page, "level-on-hand")).toBe(onHand + 12);

    await page.reload();
    await expect.poll(() => level(page, "level-on-hand")).toBe(onHand + 12);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("finds a product by SKU from the shell's search with the keyboard, and admins see the restock in the audit trail", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/inventory");
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "admin@example.com", "admin-demo-password");
    await page.waitForURL(/\/admin\/inventory$/);
    const first = page.getByTestId("stock-row").first();
    await first.waitFor();
    const sku = (await first.getByRole("link").textContent()) ?? "";
    const nav = page.getByRole("navigation", { name: "Sections" });
    for (const name of [
      "To do",
      "Dashboard",
      "Products",
      "Inventory",
      "Orders",
      "Customers",
      "Coupons",
      "Reviews",
      "Reports",
      "Audit",
      "Mailbox",
    ]) {
      expect(await nav.getByRole("link", { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await fitsWidth(page)).toBe(true);

    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: "Search orders, customers and products" });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(sku);
    const option = page.getByRole("option").filter({ hasText: `SKU ${sku}` });
    await option.waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBeTruthy();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/products\/\d+$/);

    await nav.getByRole("link", { name: "Audit", exact: true }).click();
    await page.getByLabel("Action").selectOption("inventory.adjust");
    await page.waitForURL(/action=inventory\.adjust/);
    const row = page.getByTestId("audit-row").first();
    await row.waitFor();
    expect(await row.textContent()).toContain("staff@example.com");
    expect(await fitsWidth(page)).toBe(true);
    await row.getByText("Before and after").click();
    expect(await row.locator("pre").nth(1).textContent()).toContain('"reason": "RESTOCK"');
    expect(errors).toEqual([]);
    await context.close();
  });
});
