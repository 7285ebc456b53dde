import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, waitForHydration } from "./support/browser.ts";
import { isFocused, tabTo, typeInto } from "./support/keyboard.ts";
import { pageAs, settle } from "./support/ux.ts";

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("keyboard only", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("a guest searches, picks a product and variant, and pays with the test card without a mouse", async () => {
    const { page, context, errors } = await pageAs(browser, "guest");
    await page.goto("/");
    await waitForHydration(page);
    await settle(page);

    // The skip link is the first stop and takes focus to the content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await isFocused(skip)).toBe(true);
    expect((await skip.boundingBox())?.width).toBeGreaterThan(1);
    await page.keyboard.press("Enter");
    expect(await activeId(page)).toBe("main");

    await tabTo(page, page.getByRole("combobox", { name: "Search products" }), { back: true });
    await page.keyboard.type("earbuds");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=earbuds$/);
    await settle(page);
    // The router changes the URL before React commits the new page (a transition), so the move
    // of focus can land a few frames after the URL on a busy machine.
    await expect.poll(() => activeId(page)).toBe("main");

    // Filters come before the results, in reading order.
    await tabTo(page, page.getByRole("checkbox", { name: "In stock only" }));
    await page.keyboard.press("Space");
    await page.waitForURL(/stock=1/);
    await settle(page);
    await tabTo(page, page.getByTestId("product-card").first().getByRole("link"));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    await settle(page);

    const variant = page.locator("fieldset button[aria-pressed]:not([aria-label*=unavailable])").last();
    if ((await variant.count()) > 0) {
      await tabTo(page, variant);
      await page.keyboard.press("Enter");
      expect(await variant.getAttribute("aria-pressed")).toBe("true");
    }
    await tabTo(page, page.getByTestId("add-to-cart"));
    await page.keyboard.press("Enter");
    await page.getByText("Added to your cart.").waitFor();
    await tabTo(page, page.getByRole("link", { name: "View cart" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cart$/);
    await settle(page);
    expect(await page.getByTestId("cart-link").textContent()).toMatch(/[1-9]/);

    await tabTo(page, page.getByRole("button", { name: "Check out" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/checkout$/);
    await settle(page);

    // An empty form: the errors are tied to their fields and focus goes to the first one.
    await tabTo(page, page.getByRole("button", { name: "Continue to payment" }));
    await page.keyboard.press("Enter");
    const invalid = page.locator("form [aria-invalid=true]").first();
    await invalid.waitFor();
    await expect.poll(() => isFocused(invalid)).toBe(true);
    const describedBy = (await invalid.getAttribute("aria-describedby")) ?? "";
    const message = page.locator(`[id="${describedBy.split(" ").at(-1)}"]`);
    expect(await message.getAttribute("role")).toBe("alert");
    expect(await message.textContent()).not.toBe("");

    const email = page.getByLabel("Email");
    await tabTo(page, email, { back: true });
    await page.keyboard.type("keyboard.buyer@example.com");
    const address: [string, string][] = [
      ["Full name", "Ada Lovelace"],
      ["Street address", "12 Analytical Row"],
      ["City", "Austin"],
    ];
    for (const [label, value] of address) await typeInto(page, page.getByLabel(label, { exact: true }), value);
    // The country (the United States by default) has states: a select, chosen by typing its name.
    const state = page.getByLabel("State", { exact: true });
    await tabTo(page, state);
    await page.keyboard.type("Texas");
    expect(await state.inputValue()).toBe("TX");
    await typeInto(page, page.getByLabel("ZIP code", { exact: true }), "73301");
    await tabTo(page, page.getByRole("radio", { name: /Standard/ }));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Continue to payment" }));
    await page.keyboard.press("Enter");
    const payTitle = page.getByRole("heading", { name: /Pay for order #\d+/ });
    await payTitle.waitFor();
    expect(await isFocused(payTitle)).toBe(true);

    await typeInto(page, page.getByLabel("Card number"), "4242 4242 4242 4242");
    await typeInto(page, page.getByLabel("Expiry (MM/YY)"), "12/34");
    await typeInto(page, page.getByLabel("Security code"), "123");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
    expect(await page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the phone menu takes focus, keeps it, and gives it back on Escape", async () => {
    const { page, context } = await pageAs(browser, "guest", { width: 360, height: 740 });
    await page.goto("/");
    await waitForHydration(page);
    await settle(page);
    const menu = page.getByRole("button", { name: "Menu" });
    await tabTo(page, menu);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Menu" });
    await dialog.waitFor();
    const inDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
    expect(await inDialog()).toBe(true);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      // Chromium lets focus leave a modal for the browser's own UI; it must never reach the page.
      expect(
        await page.evaluate(
          () =>
            document.activeElement === document.body ||
            document.querySelector("dialog[open]")?.contains(document.activeElement),
        ),
      ).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await isFocused(menu)).toBe(true);
    await context.close();
  });

  it("an admin dialog takes focus and gives it back", async () => {
    const { page, context } = await pageAs(browser, "staff");
    await page.goto("/admin/orders?status=PAID");
    await page.getByTestId("order-row").first().getByRole("link").click();
    await page.getByRole("button", { name: "Cancel order…" }).waitFor();
    const opener = page.getByRole("button", { name: "Cancel order…" });
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await isFocused(opener)).toBe(true);
    await context.close();
  });
});
