import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";

const email = `shopper.${Date.now()}@example.com`;
const password = "correct horse battery staple";

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

describe("shopper accounts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("signs up, signs out, and signs back in", async () => {
    const { page, errors, context } = await openPage(browser, "/sign-up");
    await fill(page, { Name: "Grace Hopper", Email: email, Password: "short" });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 12 characters").waitFor();
    await fill(page, { Password: password });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Grace Hopper");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto("/account/sessions");
    await waitForHydration(page);
    await page.waitForURL(/\/sign-in\?next=%2Faccount%2Fsessions$/);
    await fill(page, { Email: email, Password: "not the password" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect").waitFor();
    await fill(page, { Password: password });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account\/sessions$/);
    await page.getByTestId("session").first().waitFor();
    expect(await page.getByTestId("session").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("resets a forgotten password through the email read in the admin's dev mailbox", async () => {
    const shopper = await openPage(browser, "/forgot-password");
    await shopper.page.getByLabel("Email").fill(email);
    await shopper.page.getByRole("button", { name: "Send reset link" }).click();
    await shopper.page.getByText("If an account exists for that email").waitFor();

    const admin = await openPage(browser, "/admin/sign-in");
    await admin.page.getByLabel("Email").fill("staff@example.com");
    await admin.page.getByLabel("Password").fill("staff-demo-password");
    await admin.page.getByRole("button", { name: "Sign in" }).click();
    await admin.page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await admin.page.getByRole("link", { name: "Mailbox" }).click();
    await admin.page
      .getByRole("button", { name: /Reset your Shop password/ })
      .first()
      .click();
    const text = await admin.page.getByRole("article", { name: "Message" }).textContent();
    const link = /(https?:\/\/\S+\/reset-password\?token=\S+)/.exec(text ?? "")?.[1];
    expect(link).toBeDefined();

    await shopper.page.goto(new URL(link ?? "").pathname + new URL(link ?? "").search);
    await waitForHydration(shopper.page);
    await shopper.page.getByLabel("New password").fill("a fresh passphrase for grace");
    await shopper.page.getByRole("button", { name: "Set new password" }).click();
    await shopper.page.waitForURL(/\/account$/);
    await shopper.page.getByText("Your password was changed").waitFor();
    await shopper.context.close();
    await admin.context.close();
  });
});
