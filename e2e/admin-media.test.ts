import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser, waitForHydration } from "./support/browser.ts";
import { solidPng } from "./support/png.ts";
import { pageAs } from "./support/ux.ts";

describe("images linked to variants", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("staff link a picture to a variant; choosing that variant in the shop shows it", async () => {
    const { page, errors, context } = await pageAs(browser, "staff");
    const name = `Variant Photo Mug ${Date.now() % 100_000}`;
    await page.goto("/admin/products/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByLabel("Option name").fill("Colour");
    await page.getByLabel("Values (comma-separated)").fill("Red, Blue");
    await page.getByRole("button", { name: "Generate variants" }).click();
    await page.getByLabel("Price of variant 1", { exact: true }).fill("12");
    await page.getByLabel("Price of variant 2", { exact: true }).fill("12");
    await page.getByLabel("Stock of variant 1").fill("5");
    await page.getByLabel("Stock of variant 2").fill("5");
    await page.getByLabel("Status").selectOption("ACTIVE");
    await page.getByLabel(/Add images/).setInputFiles([
      { name: "red.png", mimeType: "image/png", buffer: solidPng(240, 240, [200, 40, 40]) },
      { name: "blue.png", mimeType: "image/png", buffer: solidPng(240, 240, [40, 40, 200]) },
    ]);
    await page.getByLabel("Describe image 1 (primary)").fill("Red mug");
    await page.getByLabel("Describe image 2").fill("Blue mug");
    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/, { timeout: 60_000 });
    const slug = await page.getByLabel("URL handle").inputValue();

    const shows = page.getByRole("group", { name: "Image 2 shows" });
    await shows.waitFor({ timeout: 15_000 });
    await shows.getByLabel("Blue").check();
    await expect
      .poll(() => shows.getByText("Choosing one of these on the product page shows this image.").count())
      .toBe(1);
    // Saved and read back: the boxes are enabled again and still say so.
    await expect.poll(() => shows.getByLabel("Blue").isEnabled()).toBe(true);
    expect(await shows.getByLabel("Blue").isChecked()).toBe(true);
    expect(await shows.getByLabel("Red").isChecked()).toBe(false);

    // A description cleared is warned about, in words, above the images.
    const first = page.getByLabel("Describe image 1");
    await first.fill("");
    await first.blur();
    const warning = page.getByTestId("alt-warning");
    await warning.waitFor();
    expect(await warning.textContent()).toContain("One image has no description");
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    await first.fill("Red mug");
    await first.blur();
    await warning.waitFor({ state: "detached" });

    const shopper = await browser.newPage({ baseURL: new URL(page.url()).origin });
    await shopper.goto(`/p/${slug}`);
    await waitForHydration(shopper);
    const main = shopper.getByTestId("gallery-main");
    const picture = (n: number) => shopper.getByRole("button", { name: `Show picture ${n}` });
    // The page opens on the first variant (Red), which has no picture of its own: the primary one.
    expect(await picture(1).getAttribute("aria-pressed")).toBe("true");
    const redSrc = await main.getAttribute("src");
    await shopper.getByRole("button", { name: "Blue", exact: true }).click();
    await expect.poll(() => picture(2).getAttribute("aria-pressed")).toBe("true");
    expect(await main.getAttribute("src")).not.toBe(redSrc);
    expect(await main.getAttribute("alt")).toBe("Blue mug");
    await shopper.getByRole("button", { name: "Red", exact: true }).click();
    await expect.poll(() => picture(1).getAttribute("aria-pressed")).toBe("true");
    await shopper.close();
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
