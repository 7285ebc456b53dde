import type { Page } from "playwright-core";

/** Who looks at the page: each role browses in its own signed-in browser context. */
export type Role = "guest" | "customer" | "staff" | "admin";

/**
 * One state of one screen that the UX checks (axe, responsive) visit. `path` is a function when
 * the URL depends on data (the first product, an order); `then` opens a dialog, a menu or a later
 * checkout step once the page has settled. Routes of a role run in order in one page, so a
 * route may rely on what an earlier one did (the cart filled before the checkout).
 */
export type UxRoute = {
  name: string;
  as: Role;
  path: string | ((page: Page) => Promise<string>);
  then?: (page: Page) => Promise<void>;
  /** Only at these widths (a phone-only drawer); every width when absent. */
  widths?: readonly number[];
};

/** The href of the first element matching `selector` on `path`, for routes that need an id. */
export function firstHref(path: string, selector: string) {
  return async (page: Page): Promise<string> => {
    await page.goto(path);
    const link = page.locator(selector).first();
    await link.waitFor({ state: "attached" });
    const href = await link.getAttribute("href");
    if (!href) throw new Error(`no href for ${selector} on ${path}`);
    return href;
  };
}
