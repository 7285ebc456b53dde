import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { layoutProblems, widths } from "./support/layout-checks.ts";
import { adminRoutes } from "./support/routes/admin.ts";
import { storefrontRoutes } from "./support/routes/storefront.ts";
import { byRole, pageAs, visit, type RolePage } from "./support/ux.ts";

const apps = { storefront: storefrontRoutes, admin: adminRoutes };
const results = join(import.meta.dirname, "..", "test-results");
const screenshots = join(results, "screenshots");
const fileName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const axeReport: { app: string; route: string; as: string; blocking: string[]; other: string[] }[] = [];

// Every screen of both apps (e2e/support/routes/), as the role that sees it, is visited once and
// checked twice: accessibility with axe-core (no serious or critical violation of WCAG 2.0, 2.1
// and 2.2 A/AA), then layout at phone, tablet and desktop widths (no sideways scrolling, no
// controls drawn over each other, sized and lazy images, admin tables scrolling only below
// desktop). Screenshots go to test-results/screenshots/, axe's lesser findings to
// test-results/axe.json.
describe("every screen", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, "axe.json"), `${JSON.stringify(axeReport, null, 2)}\n`);
  });

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
          const checked = route.widths ?? [...widths].reverse();
          it(`${route.name}: accessible`, async () => {
            await session.page.setViewportSize({ width: checked[0] ?? 1280, height: 800 });
            await visit(session.page, route);
            const { blocking, other } = await runAxe(session.page);
            axeReport.push({
              app,
              route: route.name,
              as: role,
              blocking: blocking.map((v) => v.id),
              other: other.map((v) => v.id),
            });
            expect(blocking, describeViolations(blocking)).toEqual([]);
            expect(session.errors).toEqual([]);
          });

          // Continues on the page the accessibility check left, at each width in turn.
          it(`${route.name}: fits ${checked.join(", ")} px`, async () => {
            const { page } = session;
            for (const width of checked) {
              await page.setViewportSize({ width, height: 800 });
              const problems = await layoutProblems(page);
              // A full-page shot of an open modal would stretch the viewport under it.
              const fullPage = (await page.locator("dialog[open]").count()) === 0;
              await page.screenshot({ path: join(screenshots, app, `${fileName(route.name)}-${width}.png`), fullPage });
              expect(
                problems.overflow,
                `${route.name} at ${width}px scrolls sideways by ${problems.overflow}px`,
              ).toBeNull();
              expect(problems.overlaps, `${route.name} at ${width}px`).toEqual([]);
              expect(problems.images, `${route.name} at ${width}px`).toEqual([]);
              if (app === "admin" && width >= 1280)
                expect(problems.scrollingTables, `${route.name} at ${width}px`).toEqual([]);
            }
          });
        }
      });
    }
  }

  // A new back-office section cannot be forgotten: its navigation link must have a route above.
  it("every section in the admin navigation is in e2e/support/routes/admin.ts", async () => {
    const listed = new Set(
      adminRoutes.flatMap((route) => (typeof route.path === "string" ? [route.path.split("?")[0]] : [])),
    );
    for (const role of ["staff", "admin"] as const) {
      const { page, context } = await pageAs(browser, role);
      await page.goto("/admin/products");
      const links = page.locator("nav[aria-label=Sections] a");
      await links.first().waitFor();
      const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length).toBeGreaterThan(3);
      expect(
        hrefs.filter((href) => !listed.has(href)),
        `${role}: add these to adminRoutes`,
      ).toEqual([]);
      await context.close();
    }
  });

  // The dark theme swaps colour tokens; its contrast is checked on a sample that covers every
  // kind of colour pair (links, buttons, errors, status badges, dialogs).
  const darkSample = new Set([
    "home",
    "search results",
    "product",
    "cart, with items",
    "checkout, details with errors",
    "sign in, wrong password",
    "products",
    "order",
    "order, cancel dialog",
    "reviews",
    "coupons",
  ]);
  for (const [app, routes] of Object.entries(apps)) {
    for (const [role, list] of byRole(routes.filter((route) => darkSample.has(route.name)))) {
      describe(`${app} as ${role}, dark theme`, () => {
        let session: RolePage;
        beforeAll(async () => {
          session = await pageAs(browser, role, { width: 1280, height: 800 }, "dark");
        });
        afterAll(() => session?.context.close());

        for (const route of list) {
          it(`${route.name}: accessible`, async () => {
            await visit(session.page, route);
            expect(await session.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
              "dark",
            );
            const { blocking } = await runAxe(session.page);
            expect(blocking, describeViolations(blocking)).toEqual([]);
            await session.page.screenshot({ path: join(screenshots, app, `dark-${fileName(route.name)}.png`) });
          });
        }
      });
    }
  }
});
