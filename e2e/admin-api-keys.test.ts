import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, openPage } from "./support/browser.ts";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const rest = (path: string, key: string) =>
  fetch(`${baseUrl()}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });

describe("admin API keys", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("an admin creates a key with one scope, sees it once, an integration uses it, and revoking stops it", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/api-keys");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page, "admin@example.com", "admin-demo-password");
    await page.waitForURL(/\/admin\/api-keys$/);

    await page.getByLabel("Name").fill("Warehouse e2e");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByText("Choose at least one scope").waitFor();
    await page.getByLabel("inventory:read").check();
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("new-api-key");
    await shown.waitFor();
    const key = (await shown.textContent())?.trim() ?? "";
    expect(key).toMatch(/^shop_[a-z2-7]{24}_[a-z2-7]{32}$/);

    expect((await rest("/inventory?limit=1", key)).status).toBe(200);
    expect((await rest("/orders", key)).status).toBe(403);

    await page.reload();
    const row = page.getByTestId("api-key-row").filter({ hasText: "Warehouse e2e" });
    await row.waitFor();
    expect(await page.getByText(key).count()).toBe(0);
    expect(await row.textContent()).toContain(key.slice(0, 29));
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(() => row.textContent()).toContain("Revoked");
    expect((await rest("/inventory?limit=1", key)).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
