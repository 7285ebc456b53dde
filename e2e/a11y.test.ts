import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { adminRoutes } from "./support/routes/admin.ts";
import { storefrontRoutes } from "./support/routes/storefront.ts";
import { byRole, pageAs, visit, type RolePage } from "./support/ux.ts";

const apps = { storefront: storefrontRoutes, admin: adminRoutes };
const report: { app: string; route: string; as: string; blocking: string[]; other: string[] }[] = [];

// Every listed screen, as the role that sees it, must have no serious or critical axe-core
// violation of WCAG 2.0/2.1/2.2 A and AA. Lesser findings are written to the report.
describe("accessibility", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    mkdirSync(join(import.meta.dirname, "..", "test-results"), { recursive: true });
    writeFileSync(join(import.meta.dirname, "..", "test-results", "axe.json"), `${JSON.stringify(report, null, 2)}\n`);
  });

  for (const [app, routes] of Object.entries(apps)) {
    for (const [role, list] of byRole(routes)) {
      describe(`${app} as ${role}`, () => {
        let session: RolePage;
        beforeAll(async () => {
          session = await pageAs(browser, role);
        });
        afterAll(() => session?.context.close());

        for (const route of list) {
          it(route.name, async () => {
            const width = route.widths?.[0] ?? 1280;
            await session.page.setViewportSize({ width, height: 800 });
            await visit(session.page, route);
            const { blocking, other } = await runAxe(session.page);
            report.push({ app, route: route.name, as: role, blocking: blocking.map((v) => v.id), other: other.map((v) => v.id) });
            expect(blocking, describeViolations(blocking)).toEqual([]);
            expect(session.errors).toEqual([]);
          });
        }
      });
    }
  }
});
