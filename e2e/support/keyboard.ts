import type { Locator, Page } from "playwright-core";

/** Whether `target` has focus. */
export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, and checks that
 * the focused control shows a visible focus indicator. Fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 120, back = false } = {}) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) {
      const visible = await target.evaluate((el) => {
        const rect = el.getBoundingClientRect();
        // The indicator may be drawn by a pseudo-element (a card link's ::after covers the card).
        const drawn = [getComputedStyle(el), getComputedStyle(el, "::after")].some(
          (style) => (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none",
        );
        return rect.width > 1 && rect.height > 1 && drawn;
      });
      if (!visible)
        throw new Error(`focus on ${await target.evaluate((el) => el.outerHTML.slice(0, 120))} is not visible`);
      return;
    }
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
}

/** Tabs to a field and types into it (selecting what is there first). */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}
