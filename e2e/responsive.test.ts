import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { layoutProblems, widths } from "./support/layout-checks.ts";
import { adminRoutes } from "./support/routes/admin.ts";
import { storefrontRoutes } from "./support/routes/storefront.ts";
import { byRole, pageAs, visit, type RolePage } from "./support/ux.ts";

const apps = { storefront: storefrontRoutes, admin: adminRoutes };
const screenshots = join(import.meta.dirname, "..", "test-results", "screenshots");
const fileName = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// Every listed screen at phone, tablet and desktop widths: no sideways scrolling of the page, no
// controls drawn over each other, and admin tables scroll inside themselves only below desktop.
// Screenshots of each go to test-results/screenshots/ for a human to look at.
describe("responsive layout", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const [app, routes] of Object.entries(apps)) {
    for (const [role, list] of byRole(routes)) {
      describe(`${app} as ${role}`, () => {
        let session: RolePage;
        beforeAll(async () => {
          session = await pageAs(browser, role);
          mkdirSync(join(screenshots, app), { recursive: true });
        });
        afterAll(() => session?.context.close());

        for (const route of list) {
          it(route.name, async () => {
            const { page } = session;
            const checked = route.widths ?? widths;
            await page.setViewportSize({ width: checked[0] ?? 1280, height: 800 });
            await visit(page, route);
            for (const width of checked) {
              await page.setViewportSize({ width, height: 800 });
              const problems = await layoutProblems(page);
              // A full-page shot of an open modal would stretch the viewport under it.
              const fullPage = (await page.locator("dialog[open]").count()) === 0;
              await page.screenshot({ path: join(screenshots, app, `${fileName(route.name)}-${width}.png`), fullPage });
              expect(problems.overflow, `${route.name} at ${width}px scrolls sideways by ${problems.overflow}px`).toBeNull();
              expect(problems.overlaps, `${route.name} at ${width}px`).toEqual([]);
              if (app === "admin" && width >= 1280) expect(problems.scrollingTables, `${route.name} at ${width}px`).toEqual([]);
            }
            expect(session.errors).toEqual([]);
          });
        }
      });
    }
  }
});
