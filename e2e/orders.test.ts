import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, runAxe } from "./support/axe.ts";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { openOrderAsStaff, placePaidOrder } from "./support/orders.ts";
import { addSomethingToCart, payWithCard } from "./support/shopping.ts";

describe("orders as the shopper sees them", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("a declined card leaves no order in the shopper's history", async () => {
    const { page, errors, context } = await openPage(browser, "/sign-in");
    await page.getByLabel("Email").fill("customer@example.com");
    await page.getByLabel("Password").fill("customer-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account$/);
    await addSomethingToCart(page, "case");
    await page.goto("/checkout");
    await waitForHydration(page);
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    const pay = page.getByRole("heading", { name: /Pay for order #\d+/ });
    await pay.waitFor();
    const number = (await pay.textContent())?.match(/#(\d+)/)?.[1] ?? "";
    expect(number).not.toBe("");
    await payWithCard(page, "4000 0000 0000 0002");
    await page.getByRole("heading", { name: "Payment declined" }).waitFor();

    await page.goto("/account/orders");
    await waitForHydration(page);
    await page.getByTestId("my-order").first().waitFor();
    expect(await page.getByRole("link", { name: `Order #${number}` }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a full return: the shopper asks, staff approve, receive with restock and refund", async () => {
    const { number, key, email } = await placePaidOrder(browser);
    const staff = await openPage(browser, "/admin/orders");
    await openOrderAsStaff(staff.page, number);
    const heading = staff.page.getByRole("heading", { level: 1 });
    await staff.page.getByRole("button", { name: "Ship a parcel…" }).click();
    const ship = staff.page.getByRole("dialog", { name: `Ship a parcel of order #${number}` });
    await ship.getByLabel("Carrier").fill("USPS");
    await ship.getByLabel("Tracking number").fill("9400100000000000000001");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await staff.page.getByRole("button", { name: "Mark all parcels delivered" }).click();
    await heading.filter({ hasText: "Delivered" }).waitFor();

    const shopper = await openPage(browser, `/orders/${number}#key=${key}`);
    await shopper.page.getByRole("button", { name: "Return items" }).click();
    const form = shopper.page.getByRole("form", { name: "Return items" });
    for (const field of await form.getByRole("spinbutton").all())
      await field.fill(String(await field.getAttribute("max")));
    await form.getByLabel("Why are you returning them?").fill("Arrived too late for the trip");
    const axe = await runAxe(shopper.page);
    expect(axe.blocking, describeViolations(axe.blocking)).toEqual([]);
    await form.getByRole("button", { name: "Ask for a return" }).click();
    await shopper.page.getByTestId("return-status").filter({ hasText: "Requested" }).waitFor();

    await staff.page.reload();
    const card = staff.page.getByTestId("return");
    await card.getByRole("button", { name: /^Approve return/ }).click();
    await card.getByText("Approved", { exact: true }).waitFor();
    await card.getByRole("button", { name: /received$/ }).click();
    await card.getByText("Received", { exact: true }).waitFor();
    expect(await card.textContent()).toContain("restocked");
    await card.getByRole("button", { name: /^Refund return/ }).click();
    await heading.filter({ hasText: "Returned" }).waitFor();
    expect(await card.textContent()).toContain("Refunded");
    const staffAxe = await runAxe(staff.page);
    expect(staffAxe.blocking, describeViolations(staffAxe.blocking)).toEqual([]);
    expect(await staff.page.getByTestId("timeline").textContent()).toMatch(
      /Return requested.*Return approved.*Return received.*Return refunded/s,
    );

    await shopper.page.reload();
    await waitForHydration(shopper.page);
    await shopper.page.getByTestId("return-status").filter({ hasText: "Refunded" }).waitFor();
    expect(await shopper.page.getByTestId("order-status").first().textContent()).toBe("Returned");
    expect(await shopper.page.getByRole("button", { name: "Return items" }).count()).toBe(0);

    await staff.page.goto("/admin/mailbox");
    await staff.page.getByText(`Return for order #${number}: refunded`).first().waitFor();
    expect(email).toContain("@");
    expect([...staff.errors, ...shopper.errors]).toEqual([]);
    await staff.context.close();
    await shopper.context.close();
  });
});
