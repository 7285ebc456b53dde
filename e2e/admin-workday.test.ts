import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { isFocused } from "./support/keyboard.ts";
import { solidPng } from "./support/png.ts";
import { pageAs } from "./support/ux.ts";

/** Every row of a load-more list: presses "Load more" until the list has no next page. */
async function allRows(page: Page, testId: string): Promise<number> {
  const rows = page.getByTestId(testId);
  const more = page.getByRole("button", { name: "Load more" });
  await rows
    .or(page.getByRole("heading", { name: /^No |^Nothing / }))
    .first()
    .waitFor();
  for (let pages = 0; pages < 60 && (await more.isVisible()); pages++) {
    const before = await rows.count();
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
  }
  return rows.count();
}

/** Picks the first match for `text` in a record picker, with the keyboard only. */
async function pick(page: Page, picker: string, text: string) {
  const box = page.getByRole("combobox", { name: picker, exact: true });
  await box.fill(text);
  await page
    .getByRole("listbox", { name: `${picker}: matches` })
    .getByRole("option")
    .first()
    .waitFor();
  await box.press("ArrowDown");
  expect(await box.getAttribute("aria-activedescendant")).toBeTruthy();
  await box.press("Enter");
}

// Three of these upload and re-encode images or send dozens of requests; on a shared 2-core machine
// they get a longer test timeout than the suite's 60 s, which bounds a hang, not the speed.
describe("a day of admin work", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("scopes a coupon by picking two products and a category by name", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/coupons/new");
    const code = `PICKED${Date.now() % 100_000}`;
    await page.getByLabel("Code").fill(code);
    await page.getByLabel("Percent off").fill("10");

    await pick(page, "Products", "iPhone");
    const chosenProducts = page.getByRole("list", { name: "Chosen: Products" }).getByTestId("chosen");
    await expect.poll(() => chosenProducts.count()).toBe(1);
    // The open list is part of the page: it must pass the accessibility check too.
    await page.getByRole("combobox", { name: "Products", exact: true }).fill("Galaxy");
    await page.getByRole("listbox", { name: "Products: matches" }).getByRole("option").first().waitFor();
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    await pick(page, "Products", "Galaxy");
    await expect.poll(() => chosenProducts.count()).toBe(2);
    await pick(page, "Categories", "Phones");
    const names = await chosenProducts.allTextContents();

    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.waitForURL(/\/admin\/coupons(\/\d+)?$/);
    await page.goto("/admin/coupons");
    await page.getByTestId("coupon-row").filter({ hasText: code }).getByRole("link", { name: code }).click();
    await page.waitForURL(/\/admin\/coupons\/\d+$/);
    // Saved as ids, shown again by name.
    const saved = page.getByRole("list", { name: "Chosen: Products" }).getByTestId("chosen");
    await expect.poll(() => saved.allTextContents()).toEqual(names);
    expect(await page.getByRole("list", { name: "Chosen: Categories" }).textContent()).toContain("Phones");
    expect(await page.getByTestId("coupon-state").first().textContent()).toBe("Active");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("creates a product with three images and their descriptions in one go", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin/products/new");
    await page.getByLabel("Name", { exact: true }).fill("Triple Image Lamp");
    await page.getByLabel("SKU of variant 1").fill(`TRIPLE-${Date.now() % 100_000}`);
    await page.getByLabel("Price of variant 1", { exact: true }).fill("30");
    const files = page.getByLabel(/Add images/);
    // Refused at once, in plain words, before anything is sent.
    await files.setInputFiles({ name: "specs.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await page
      .getByRole("alert")
      .filter({ hasText: "“specs.pdf” is not an image the shop can show: choose a PNG, JPEG, GIF or WebP file." })
      .waitFor();
    await files.setInputFiles([
      { name: "red.png", mimeType: "image/png", buffer: solidPng(300, 200, [200, 40, 40]) },
      { name: "green.png", mimeType: "image/png", buffer: solidPng(310, 200, [40, 200, 40]) },
      { name: "blue.png", mimeType: "image/png", buffer: solidPng(320, 200, [40, 40, 200]) },
    ]);
    await expect.poll(() => page.getByTestId("staged-image").count()).toBe(3);
    expect(await page.getByTestId("alt-warning").textContent()).toContain("3 images have no description");
    await page.getByLabel("Describe image 1 (primary)").fill("Red lamp, lit");
    await page.getByLabel("Describe image 2").fill("Green lamp on a desk");
    await page.getByLabel("Describe image 3").fill("Blue lamp from above");
    // The blue one becomes the primary image.
    await page.getByRole("button", { name: "Move image 3 up" }).click();
    await page.getByRole("button", { name: "Move image 2 up" }).click();
    expect(await page.getByLabel("Describe image 1 (primary)").inputValue()).toBe("Blue lamp from above");
    expect(await page.getByTestId("alt-warning").count()).toBe(0);
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);

    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/, { timeout: 60_000 });
    const rows = page.getByTestId("image-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    const alts = await page
      .getByLabel(/^Describe image \d$/)
      .evaluateAll((inputs) => inputs.map((input) => (input instanceof HTMLInputElement ? input.value : "")));
    expect(alts).toEqual(["Blue lamp from above", "Red lamp, lit", "Green lamp on a desk"]);
    expect(await rows.first().textContent()).toContain("320×200 · primary");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("opens each to-do count onto a list with exactly that many rows", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    await page.goto("/admin");
    await page.getByRole("heading", { name: "To do" }).waitFor();
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    for (const [task, testId] of [
      ["lowStock", "stock-row"],
      ["reviewsPending", "admin-review"],
      ["returnsToProcess", "return-row"],
      ["awaitingPayment", "order-row"],
      ["toFulfil", "order-row"],
    ] as const) {
      await page.goto("/admin");
      const tile = page.locator(`[data-todo=${task}]`);
      const count = Number((await tile.getByTestId("todo-count").textContent())?.replace(/\D/g, ""));
      // The demo seed leaves returns waiting, so this list is not trivially empty.
      if (task === "returnsToProcess") expect(count).toBeGreaterThan(0);
      await tile.click();
      expect(await allRows(page, testId), `${task}: ${count}`).toBe(count);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("archives 50 products in one go with a progress display and an audit record each", async () => {
    const { page, errors, context } = await pageAs(browser, "admin");
    await page.goto("/admin/products?status=ACTIVE");
    const rows = page.getByTestId("product-row");
    await rows.nth(49).waitFor();
    expect(await rows.count()).toBe(50);
    await page.getByRole("checkbox", { name: "Select all" }).check();
    const bar = page.getByRole("toolbar", { name: "Bulk actions" });
    expect(await bar.textContent()).toContain("50 selected");
    await bar.getByRole("button", { name: "Archive", exact: true }).click();
    // Ten products a request: the status counts up as each batch lands.
    const status = page.getByTestId("bulk-status");
    await status.filter({ hasText: "— done" }).waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toBe("Archived: 50 of 50 products — done");
    expect(await page.getByRole("progressbar", { name: "Bulk action progress" }).getAttribute("value")).toBe("50");

    await page.goto("/admin/audit?action=product.archive");
    expect(await allRows(page, "audit-row")).toBeGreaterThanOrEqual(50);

    // Put the shop back as the other browser tests expect it: the 50 are the most recently edited archived ones.
    await page.goto("/admin/products?status=ARCHIVED");
    await rows.nth(49).waitFor();
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("archived")]));
    for (let index = 0; index < 50; index++) await rows.nth(index).getByRole("checkbox").check();
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Publish", exact: true })
      .click();
    await status.filter({ hasText: "Published: 50 of 50 products — done" }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("folds the menu away on a phone and opens it from the keyboard", async () => {
    const { page, errors, context } = await pageAs(browser, "staff", { width: 390, height: 844 });
    await page.goto("/admin/products");
    await page.getByTestId("product-row").first().waitFor();
    const nav = page.getByRole("navigation", { name: "Sections" });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.focus();
    expect(await isFocused(menu)).toBe(true);
    await page.keyboard.press("Enter");
    await nav.waitFor();
    expect(await page.getByRole("button", { name: "Close menu" }).getAttribute("aria-expanded")).toBe("true");
    await nav.getByRole("link", { name: "Orders", exact: true }).click();
    await page.waitForURL(/\/admin\/orders$/);
    // The menu folds once the new page has rendered (the URL changes first).
    await nav.waitFor({ state: "hidden", timeout: 10_000 });
    expect(await nav.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
