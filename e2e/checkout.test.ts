import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { addSomethingToCart, fillAddress, payWithCard } from "./support/shopping.ts";

describe("buying", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("a guest buys with the test card, keeps the order's secret link, and finds its status by number and email", async () => {
    const { page, errors, context } = await openPage(browser, "/");
    await addSomethingToCart(page);
    await page.getByTestId("cart-link").click();
    await page.getByTestId("cart-line").first().waitFor();
    const total = await page.getByRole("definition").last().textContent();
    expect(total).toMatch(/\$\d/);
    await page.getByRole("button", { name: "Check out" }).click();
    await page.getByLabel("Email").fill("guest.buyer@example.com");
    await fillAddress(page);
    await page.getByRole("radio", { name: /Standard/ }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    await payWithCard(page, "4242 4242 4242 4242");
    await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
    const number = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/#(\d+)/)?.[1] ?? "";
    expect(await page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(await page.getByTestId("cart-link").textContent()).toContain("0");

    const link = (await page.getByTestId("order-link").getAttribute("href")) ?? "";
    expect(link).toMatch(new RegExp(`/orders/${number}#key=[a-z2-7]{24}\\.[a-z2-7]{32}$`));

    // Number and email show the status and items, not the address, nor a way to cancel.
    const fresh = await openPage(browser, "/orders/lookup");
    await fresh.page.getByLabel("Order number").fill(number);
    await fresh.page.getByLabel("Email used for the order").fill("guest.buyer@example.com");
    await fresh.page.getByRole("button", { name: "Find order" }).click();
    await fresh.page.getByRole("heading", { name: `Order #${number}` }).waitFor();
    expect(await fresh.page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(await fresh.page.getByText("Austin").count()).toBe(0);
    expect(await fresh.page.getByRole("button", { name: "Cancel this order" }).count()).toBe(0);
    await fresh.context.close();

    // The secret link opens the whole order, in a browser that never saw the checkout.
    const holder = await openPage(browser, new URL(link).pathname + new URL(link).hash);
    await holder.page.getByRole("heading", { name: `Order #${number}` }).waitFor();
    expect(await holder.page.getByTestId("order-status").textContent()).toBe("Paid");
    expect(await holder.page.getByText("Austin").count()).toBeGreaterThan(0);
    await holder.page.getByRole("button", { name: "Cancel this order" }).waitFor();
    expect([...errors, ...holder.errors]).toEqual([]);
    await holder.context.close();
    await context.close();
  });

  it("a signed-in shopper buys, and sees the order in their account", async () => {
    const { page, context } = await openPage(browser, "/sign-in");
    await page.getByLabel("Email").fill("customer@example.com");
    await page.getByLabel("Password").fill("customer-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account$/);
    await addSomethingToCart(page, "case");
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    // The demo customer has a saved address, chosen by default.
    expect(
      await page
        .getByRole("radio", { name: /Avery|Casey|, / })
        .first()
        .isChecked(),
    ).toBe(true);
    await page.getByRole("radio", { name: /Express/ }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await payWithCard(page, "4242424242424242");
    await page.getByRole("heading", { name: /Order #\d+ is confirmed/ }).waitFor();
    const number = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/#(\d+)/)?.[1] ?? "";
    await page.goto("/account/orders");
    await waitForHydration(page);
    await page.getByRole("link", { name: `Order #${number}` }).click();
    await page.getByRole("heading", { name: `Order #${number}` }).waitFor();
    expect(await page.getByText("Express").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("a shopper whose payment answer is lost goes to the order's page, which finds it paid", async () => {
    const { page, context } = await openPage(browser, "/");
    await addSomethingToCart(page, "cable");
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByLabel("Email").fill("lost.answer@example.com");
    await fillAddress(page);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    expect(await page.getByText(/Your items are held for 15 minutes while you pay/).count()).toBe(1);
    // The card goes through on the server, but the answer the browser gets is a 502 (a proxy
    // timing out, say): the outcome is unknown to the shopper.
    await page.route("**/trpc/payments.testConfirm*", async (route) => {
      await route.fetch();
      await route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" });
    });
    await payWithCard(page, "4242 4242 4242 4242");
    await page.waitForURL(/\/order-confirmation\/\d+$/);
    await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
    expect(await page.getByText("Payment failed").count()).toBe(0);
    await context.close();
  });

  it("a payment that never reached the shop leaves the shopper on the order's page, not a second payment", async () => {
    const { page, context } = await openPage(browser, "/");
    await addSomethingToCart(page, "cable");
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByLabel("Email").fill("dropped.payment@example.com");
    await fillAddress(page);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    await page.route("**/trpc/payments.testConfirm*", (route) => route.abort("connectionreset"));
    await payWithCard(page, "4242 4242 4242 4242");
    await page.waitForURL(/\/order-confirmation\/\d+$/);
    await page.getByText("We are checking your payment with the payment provider…").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Order #\d+$/);
    await context.close();
  });

  it("a declined card cancels the order, nothing is charged, and the items go back to the cart", async () => {
    const { page, context } = await openPage(browser, "/");
    await addSomethingToCart(page, "charger");
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByLabel("Email").fill("declined.buyer@example.com");
    await fillAddress(page);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await payWithCard(page, "4000 0000 0000 0002");
    await page.getByRole("heading", { name: "Payment declined" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Nothing was charged");
    await page.getByRole("button", { name: "Put my items back in the cart and try again" }).click();
    await page.waitForURL(/\/cart$/);
    await page.getByTestId("cart-line").first().waitFor();
    await context.close();
  });
});
