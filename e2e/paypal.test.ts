import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startPaypalDouble } from "@shop/api/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { layoutProblems, widths } from "./support/layout-checks.ts";
import { startOwnShop } from "./support/own-shop.ts";
import { addSomethingToCart, fillAddress, payWithCard } from "./support/shopping.ts";

const shots = join(import.meta.dirname, "..", "test-results", "screenshots", "storefront");

describe("paying with PayPal, through a local PayPal double's approval page", () => {
  let browser: Browser;
  let paypal: Awaited<ReturnType<typeof startPaypalDouble>>;
  let shop: Awaited<ReturnType<typeof startOwnShop>>;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    paypal = await startPaypalDouble();
    // A shop of its own (seeded on first start): the shared one has no PayPal.
    shop = await startOwnShop(
      {
        ...paypal.serverEnv(),
        PAYMENT_ATTEMPTS_PER_10_MINUTES: "1000",
      },
      120_000,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await paypal?.close();
  });

  async function toPaymentStep(email: string) {
    const opened = await openPage(browser, "/", shop.baseUrl);
    const { page } = opened;
    await addSomethingToCart(page);
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByLabel("Email").fill(email);
    await fillAddress(page);
    await page.getByRole("radio", { name: /Standard/ }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    const number = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/#(\d+)/)?.[1] ?? "";
    return { ...opened, number };
  }

  it("a guest chooses PayPal, approves on PayPal's page, and comes back to a paid order", async () => {
    const { page, errors, context, number } = await toPaymentStep("paypal.buyer@example.com");
    await page.getByRole("group", { name: "How would you like to pay?" }).waitFor();
    expect(await page.getByRole("radio", { name: "Card" }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: "PayPal" }).check();
    const { blocking } = await runAxe(page);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    // The choice fits every width, like the screens in screens.test.ts (whose shop has no PayPal).
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const problems = await layoutProblems(page);
      expect(problems.overflow, `payment step at ${width}px scrolls sideways`).toBeNull();
      expect(problems.overlaps, `payment step at ${width}px`).toEqual([]);
      await page.screenshot({ path: join(shots, `paypal-choice-${width}.png`), fullPage: true });
    }
    await page.getByRole("button", { name: "Continue to PayPal" }).click();
    await page.waitForURL(`${paypal.approvalOrigin}/checkoutnow?token=*`);
    await page.getByRole("heading", { name: "Pay with PayPal" }).waitFor();
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.waitForURL(new RegExp(`^${shop.baseUrl}/order-confirmation/${number}\\?token=`));
    await waitForHydration(page);
    await page.getByRole("heading", { name: `Thank you! Order #${number} is confirmed` }).waitFor();
    expect(await page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(paypal.calls.filter((call) => call.endsWith("/capture"))).toHaveLength(1);
    // The built server talks to PayPal through PayPal's SDK (its own User-Agent on every call).
    expect(paypal.userAgents.length).toBeGreaterThan(0);
    for (const agent of paypal.userAgents) expect(agent).toMatch(/^PayPal REST API TypeScript SDK, Version: /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("cancelling at PayPal returns to the payment step, where the card still pays", async () => {
    const { page, errors, context, number } = await toPaymentStep("paypal.changed.mind@example.com");
    await page.getByRole("radio", { name: "PayPal" }).check();
    await page.getByRole("button", { name: "Continue to PayPal" }).click();
    await page.getByRole("heading", { name: "Pay with PayPal" }).waitFor();
    await page.getByRole("button", { name: "Cancel and return to the shop" }).click();
    await page.waitForURL(new RegExp(`^${shop.baseUrl}/checkout\\?pay=${number}`));
    await waitForHydration(page);
    await page.getByRole("heading", { name: `Pay for order #${number}` }).waitFor();
    expect(await page.getByRole("radio", { name: "PayPal" }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: "Card" }).check();
    await payWithCard(page, "4242 4242 4242 4242");
    await page.getByRole("heading", { name: `Thank you! Order #${number} is confirmed` }).waitFor();
    expect(await page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(errors).toEqual([]);
    await context.close();
  });
});
