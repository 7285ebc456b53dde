import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./support/browser.ts";
import { expectPlainText, fieldError } from "./support/plain-text.ts";
import { addSomethingToCart } from "./support/shopping.ts";

async function startCheckout(page: Page, query = "earbuds") {
  await addSomethingToCart(page, query);
  await page.goto("/checkout");
  await waitForHydration(page);
  await page.getByRole("heading", { name: "Checkout" }).waitFor();
  // The address form is the country's own once its rules have arrived.
  await page.getByLabel("ZIP code", { exact: true }).waitFor();
}

/** Counts the requests to one procedure, to prove the browser checked a form on its own. */
function countCalls(page: Page, procedure: string) {
  const calls = { count: 0 };
  page.on("request", (request) => {
    if (request.url().includes(`/trpc/${procedure}`)) calls.count++;
  });
  return calls;
}

describe("checkout form", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("a guest makes every mistake once, sees them all at once, fixes each, and one submit places the order", async () => {
    const { page, errors, context } = await openPage(browser, "/");
    await startCheckout(page);
    const placeOrder = countCalls(page, "checkout.placeOrder");
    const confirmCard = countCalls(page, "payments.testConfirm");

    // What is bought is on the page: lines with their quantity, and the totals.
    const line = page.getByTestId("summary-line").first();
    await line.waitFor();
    expect(await line.innerText()).toMatch(/Quantity 1/);
    await page.getByRole("definition").filter({ hasText: "$" }).first().waitFor();

    await page.getByLabel("Email").fill("grace@");
    await page.getByLabel("ZIP code", { exact: true }).fill("7330");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    const expected: Record<string, string> = {
      Email: "Enter a valid email address",
      "Full name": "Enter your name",
      "Street address": "Enter the street address",
      City: "Enter the city",
      State: "Choose the state",
      "ZIP code": "Check the ZIP code: it looks like 95014",
    };
    await page.getByLabel("Email").and(page.locator("[aria-invalid=true]")).waitFor();
    for (const [label, message] of Object.entries(expected)) expect(await fieldError(page, label), label).toBe(message);
    expect(placeOrder.count).toBe(0);
    await expectPlainText(page, "checkout with every mistake");

    // Each fix takes its own message away and leaves the others.
    await page.getByLabel("Email").fill("grace.hopper@example.com");
    expect(await fieldError(page, "Email")).toBeNull();
    expect(await fieldError(page, "Full name")).toBe("Enter your name");
    await page.getByLabel("Full name").fill("Grace Hopper");
    await page.getByLabel("Street address").fill("1 Navy Way");
    await page.getByLabel("City", { exact: true }).fill("Austin");
    await page.getByLabel("State", { exact: true }).selectOption({ label: "Texas" });
    expect(await fieldError(page, "State")).toBeNull();
    expect(await fieldError(page, "ZIP code")).toBe(expected["ZIP code"]);
    await page.getByLabel("ZIP code", { exact: true }).fill("73301");
    for (const label of Object.keys(expected)) expect(await fieldError(page, label), label).toBeNull();

    // The server's answer lands on the field it concerns: an unknown discount code.
    await page.getByLabel("Discount code").fill("NO-SUCH-CODE");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByLabel("Discount code").and(page.locator("[aria-invalid=true]")).waitFor();
    expect(await fieldError(page, "Discount code")).toMatch(/code/i);
    await expectPlainText(page, "checkout with an unknown code");

    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
    expect(placeOrder.count).toBe(1);
    // The payment page lists the lines and totals too.
    await page.getByTestId("summary-line").first().waitFor();
    expect(await page.getByRole("region", { name: "Order summary" }).innerText()).toMatch(/Total\s+\$\d/);

    // The card form checks the number, expiry and code itself, each on its field.
    await page.getByLabel("Card number").fill("4242 4242 4242 4241");
    await page.getByLabel("Expiry (MM/YY)").fill("13/30");
    await page.getByLabel("Security code").fill("12");
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.getByLabel("Card number").and(page.locator("[aria-invalid=true]")).waitFor();
    expect(await fieldError(page, "Card number")).toBe("This card number is not valid: check the digits");
    expect(await fieldError(page, "Expiry (MM/YY)")).toBe("Enter the expiry date as MM/YY, e.g. 04/29");
    expect(await fieldError(page, "Security code")).toBe(
      "The security code is the 3 or 4 digits on the back of the card",
    );
    await page.getByLabel("Expiry (MM/YY)").fill("01/20");
    await page.getByRole("button", { name: "Pay now" }).click();
    await expect.poll(() => fieldError(page, "Expiry (MM/YY)")).toBe("This card has expired");
    expect(confirmCard.count).toBe(0);
    await expectPlainText(page, "card form with mistakes");

    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry (MM/YY)").fill("12/34");
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
    expect(confirmCard.count).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a discount code is removed and applied again in the checkout's summary", async () => {
    const { page, context } = await openPage(browser, "/");
    await startCheckout(page, "case");
    const summary = page.getByRole("complementary", { name: "Order summary" });
    await summary.getByLabel("Discount code").fill("welcome10");
    await summary.getByRole("button", { name: "Apply" }).click();
    await summary.getByText(/Discount \(WELCOME10\)/).waitFor();
    await summary.getByRole("button", { name: "Remove code WELCOME10" }).click();
    await summary.getByLabel("Discount code").waitFor();
    expect(await summary.getByText(/Discount \(/).count()).toBe(0);
    await summary.getByLabel("Discount code").fill("WELCOME10");
    await summary.getByLabel("Discount code").press("Enter");
    await summary.getByText(/Discount \(WELCOME10\)/).waitFor();
    await context.close();
  });

  const addresses = [
    {
      country: "United States",
      labels: { absent: [] as string[] },
      typed: {
        "Full name": "Ada Lovelace",
        "Street address": "1 Market St",
        City: "San Francisco",
        "ZIP code": "94103",
      },
      region: { label: "State", option: "California" },
      printed: ["Ada Lovelace", "1 Market St", "San Francisco, CA 94103", "United States"],
    },
    {
      country: "United Kingdom",
      labels: { absent: ["State", "ZIP code"] },
      typed: {
        "Full name": "Ada Lovelace",
        "Street address": "10 Downing St",
        "Town or city": "London",
        "Postal code": "sw1a 2aa",
      },
      region: null,
      printed: ["Ada Lovelace", "10 Downing St", "London", "SW1A 2AA", "United Kingdom"],
    },
    {
      country: "Japan",
      labels: { absent: ["City", "State"] },
      typed: {
        "Full name": "Taro Yamada",
        "Street address": "1-1 Chiyoda",
        "Apartment, suite (optional)": "Chiyoda-ku",
        "Postal code": "100-0001",
      },
      region: { label: "Prefecture", option: "Tokyo" },
      printed: ["Taro Yamada", "1-1 Chiyoda", "Chiyoda-ku, Tokyo", "100-0001", "Japan"],
    },
  ];

  for (const address of addresses) {
    it(`an address in ${address.country} is asked for and printed as its post office does`, async () => {
      const { page, context, errors } = await openPage(browser, "/");
      await startCheckout(page, "cable");
      await page.getByLabel("Email").fill("abroad@example.com");
      await page.getByLabel("Country", { exact: true }).selectOption({ label: address.country });
      const [firstLabel] = Object.keys(address.typed).slice(-1);
      await page.getByLabel(firstLabel ?? "", { exact: true }).waitFor();
      for (const label of address.labels.absent)
        expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(0);
      for (const [label, value] of Object.entries(address.typed))
        await page.getByLabel(label, { exact: true }).fill(value);
      if (address.region)
        await page.getByLabel(address.region.label, { exact: true }).selectOption({ label: address.region.option });
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.getByRole("heading", { name: /Pay for order #\d+/ }).waitFor();
      await page.getByLabel("Card number").fill("4242 4242 4242 4242");
      await page.getByLabel("Expiry (MM/YY)").fill("12/34");
      await page.getByLabel("Security code").fill("123");
      await page.getByRole("button", { name: "Pay now" }).click();
      await page.getByRole("heading", { name: /Thank you! Order #\d+ is confirmed/ }).waitFor();
      const printed = await page.getByTestId("address-lines").first().innerText();
      expect(printed.split("\n").map((text) => text.trim())).toEqual(address.printed);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
