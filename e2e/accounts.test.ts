import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { startInbox, startShopWithEmail } from "./support/mail.ts";

const email = `shopper.${Date.now()}@example.com`;
const password = "correct horse battery staple";
const TOKEN = /[a-z2-7]{24}\.[a-z2-7]{32}/;

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** The path and fragment of a link from an email, to open on the shop under test. */
const local = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search + url.hash;
};

describe("shopper accounts, with email delivered over SMTP", () => {
  let browser: Browser;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  let shop: Awaited<ReturnType<typeof startShopWithEmail>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    inbox = await startInbox();
    shop = await startShopWithEmail(inbox.url);
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await inbox?.close();
  });

  it("signs up through the emailed link, signs out, and signs back in", async () => {
    const { page, errors, context } = await openPage(browser, "/sign-up", shop.baseUrl);
    await fill(page, { Name: "Grace Hopper", Email: email, Password: "short" });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 12 characters").waitFor();
    await fill(page, { Password: password });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const link = await inbox.link(email, /https?:\/\/\S+\/sign-up\/confirm#token=\S+/);
    await page.goto(local(link));
    await waitForHydration(page);
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
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

  it("signing up again with a taken address looks the same, and its owner is told by email", async () => {
    const { page, context } = await openPage(browser, "/sign-up", shop.baseUrl);
    await fill(page, { Name: "Someone Else", Email: email, Password: "another long passphrase" });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    expect(await inbox.link(email, /You already have a Shop account|already has one/)).toBeTruthy();
    await context.close();
  });

  it("resets a forgotten password through the link emailed to the shopper", async () => {
    const shopper = await openPage(browser, "/forgot-password", shop.baseUrl);
    await shopper.page.getByLabel("Email").fill(email);
    await shopper.page.getByRole("button", { name: "Send reset link" }).click();
    await shopper.page.getByText("If an account exists for that email").waitFor();
    const link = await inbox.link(email, /https?:\/\/\S+\/reset-password#token=\S+/);
    await shopper.page.goto(local(link));
    await waitForHydration(shopper.page);
    await shopper.page.getByLabel("New password").fill("a fresh passphrase for grace");
    await shopper.page.getByRole("button", { name: "Set new password" }).click();
    await shopper.page.waitForURL(/\/account$/);
    await shopper.page.getByText("Your password was changed").waitFor();
    await shopper.context.close();
  });
});

describe("the dev mailbox on a shop without SMTP", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("staff read a shopper's reset email in the admin's mailbox with the link hidden", async () => {
    const shopper = await openPage(browser, "/forgot-password");
    await shopper.page.getByLabel("Email").fill("customer@example.com");
    await shopper.page.getByRole("button", { name: "Send reset link" }).click();
    await shopper.page.getByText("If an account exists for that email").waitFor();

    const admin = await openPage(browser, "/admin/sign-in");
    await admin.page.getByLabel("Email").fill("staff@example.com");
    await admin.page.getByLabel("Password").fill("staff-demo-password");
    await admin.page.getByRole("button", { name: "Sign in" }).click();
    await admin.page.getByRole("heading", { name: "To do" }).waitFor();
    await admin.page.getByRole("link", { name: "Mailbox" }).click();
    await admin.page.getByText("are hidden").waitFor();
    await admin.page
      .getByRole("button", { name: /Reset your Shop password/ })
      .first()
      .click();
    const text = (await admin.page.getByRole("article", { name: "Message" }).textContent()) ?? "";
    expect(text).toContain("/reset-password#token=[hidden]");
    expect(text).not.toMatch(TOKEN);
    await shopper.context.close();
    await admin.context.close();
  });
});
