import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { expectPlainText } from "./support/plain-text.ts";
import { adminRoutes } from "./support/routes/admin.ts";
import { storefrontRoutes } from "./support/routes/storefront.ts";
import { byRole, pageAs, settle, visit, type RolePage } from "./support/ux.ts";

// Every form on every screen of both apps (the routes the accessibility checks visit) gets input
// that cannot be right, is submitted, and the page is read: whatever the browser or the API said
// about it must be words for a person, never JSON, a stack or an internal code.

const badValue: Record<string, string> = {
  email: "not-an-email",
  number: "-5",
  url: "not a url",
  password: "short",
};
const fillable = ["text", "email", "number", "url", "tel", "password", "search", ""];

async function fillBadly(form: Locator): Promise<Locator | null> {
  let first: Locator | null = null;
  const fields = form.locator("input:visible, textarea:visible");
  for (let index = 0; index < (await fields.count()); index++) {
    const field = fields.nth(index);
    const type = (await field.getAttribute("type")) ?? "";
    const tag = await field.evaluate((el) => el.tagName);
    if ((tag === "INPUT" && !fillable.includes(type)) || !(await field.isEditable())) continue;
    // Too long for any field of the shop, or the wrong shape.
    await field.fill(badValue[type] ?? "x".repeat(3_000));
    first ??= field;
  }
  return first;
}

async function submitBadly(page: Page, seenSearch: { done: boolean }) {
  let submitted = 0;
  // With a modal open, only its forms can be reached.
  const modal = page.locator("dialog[open]");
  const inModal = (await modal.count()) > 0;
  const forms = inModal ? modal.locator("form:visible") : page.locator("form:visible");
  for (let index = 0; index < (await forms.count()); index++) {
    const form = forms.nth(index);
    // The header's search box is on every page: once is enough, and last (it navigates).
    if ((await form.getAttribute("role")) === "search") continue;
    const first = await fillBadly(form);
    if (!first) continue;
    // Read before submitting: a dialog whose form was accepted closes and takes the field with it.
    const name = await first.getAttribute("name");
    const button = form.locator("button[type=submit]:visible:enabled").first();
    if (await button.count()) await button.click();
    else await first.press("Enter");
    await page.waitForLoadState("networkidle").catch(() => undefined);
    await settle(page).catch(() => undefined);
    submitted++;
    await expectPlainText(page, `the form with ${name}`);
    // A confirmation this submission opened (a refund's, say) is not this test's business.
    if (!inModal && (await modal.count())) await page.keyboard.press("Escape");
  }
  if (!seenSearch.done) {
    const search = page.locator("form[role=search]:visible").first();
    if (await search.count()) {
      seenSearch.done = true;
      const box = await fillBadly(search);
      await box?.press("Enter");
      await page.waitForLoadState("networkidle").catch(() => undefined);
      submitted++;
    }
  }
  return submitted;
}

describe("bad input to every form", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const [app, routes] of Object.entries({ storefront: storefrontRoutes, admin: adminRoutes })) {
    for (const [role, list] of byRole(routes)) {
      it(`${app} as ${role}: every form answers in words`, async () => {
        const session: RolePage = await pageAs(browser, role);
        const seenSearch = { done: app === "admin" };
        let submitted = 0;
        for (const route of list.filter((candidate) => !candidate.widths)) {
          await visit(session.page, route);
          submitted += await submitBadly(session.page, seenSearch);
          await expectPlainText(session.page, `${app} ${route.name}`);
        }
        expect(session.errors).toEqual([]);
        if (role !== "guest" || app === "storefront") expect(submitted).toBeGreaterThan(0);
        await session.context.close();
      }, 300_000);
    }
  }
});
