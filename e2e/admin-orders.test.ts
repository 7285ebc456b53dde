import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, openPage } from "./support/browser.ts";

async function signInAsStaff(page: Page) {
  await page.waitForURL(/\/admin\/sign-in$/);
  await page.getByLabel("Email").fill("staff@example.com");
  await page.getByLabel("Password").fill("staff-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Reads a nested field of a JSON answer. */
const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce(
    (current, key) => (current && typeof current === "object" ? Reflect.get(current, key) : undefined),
    value,
  );

/** A tRPC mutation as the storefront sends it: superjson body, and the Origin the CSRF check wants. */
async function mutate(
  request: APIRequestContext,
  path: string,
  json: unknown,
): Promise<{ ok: boolean; data: unknown }> {
  const response = await request.post(`/trpc/${path}`, { data: { json }, headers: { origin: baseUrl() } });
  const body: unknown = await response.json();
  return { ok: response.ok(), data: response.ok() ? field(body, "result", "data", "json") : body };
}

/**
 * A shopper buys two items with the built-in test provider. No API on this branch lists variant
 * ids, so it offers the cart the first ids until two are accepted (some are sold out or drafts).
 */
async function placePaidOrder(browser: Browser): Promise<{ number: number; email: string }> {
  const shopper = await browser.newContext({ baseURL: baseUrl() });
  const request = shopper.request;
  let added = 0;
  for (let variantId = 1; variantId <= 80 && added < 2; variantId += 3) {
    if ((await mutate(request, "cart.add", { variantId })).ok) added++;
  }
  expect(added).toBe(2);
  const email = `e2e-${Date.now()}@example.com`;
  const placed = await mutate(request, "checkout.placeOrder", {
    idempotencyKey: crypto.randomUUID(),
    email,
    shippingAddress: {
      fullName: "Robin Tester",
      line1: "1 Main Street",
      city: "Austin",
      postalCode: "73301",
      country: "US",
      region: "TX",
    },
    shippingMethod: "standard",
  });
  expect(placed.ok, JSON.stringify(placed.data)).toBe(true);
  const number = Number(field(placed.data, "order", "number"));
  const clientSecret = String(field(placed.data, "payment", "clientSecret"));
  const paid = await mutate(request, "payments.testConfirm", {
    clientSecret,
    number: "4242424242424242",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  expect(paid.data).toMatchObject({ status: "succeeded" });
  await shopper.close();
  return { number, email };
}

describe("admin orders and coupons", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("finds a paid order, ships it and refunds one line", async () => {
    const { number, email } = await placePaidOrder(browser);
    const { page, errors, context } = await openPage(browser, "/admin/orders");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/orders$/);
    await page.getByTestId("order-row").first().waitFor();

    await page.getByLabel("Number or email").fill(`#${number}`);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=%23\d+/);
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(1);
    // Filters live in the URL: back shows the whole list again, forward the search.
    await page.goBack();
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(50);
    expect(await page.getByLabel("Number or email").inputValue()).toBe("");
    await page.goForward();
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(1);
    expect(await page.getByLabel("Number or email").inputValue()).toBe(`#${number}`);
    const row = page.getByTestId("order-row");
    expect(await row.textContent()).toContain(email);
    expect(await row.textContent()).toContain("Paid");
    await row.getByRole("link", { name: `#${number}` }).click();

    const heading = page.getByRole("heading", { level: 1 });
    await heading.filter({ hasText: `Order #${number}` }).waitFor();
    expect(await heading.textContent()).toContain("Paid");
    await page.getByRole("button", { name: "Mark as processing" }).click();
    await heading.filter({ hasText: "Processing" }).waitFor();

    await page.getByRole("button", { name: "Ship…" }).click();
    const ship = page.getByRole("dialog", { name: `Ship order #${number}` });
    await ship.getByLabel("Carrier").fill("UPS");
    await ship.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await heading.filter({ hasText: "Shipped" }).waitFor();
    const timeline = page.getByTestId("timeline");
    await timeline.getByText("Shipped with UPS, tracking 1Z999AA10123456784").waitFor();
    expect(await timeline.textContent()).toMatch(/Processing.*Staff.*Shipped/s);
    expect(await page.getByRole("button", { name: "Mark as delivered" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Cancel order…" }).count()).toBe(0);

    await page.getByLabel("Chosen lines and quantities").check();
    const firstLine = page.getByRole("spinbutton").first();
    await firstLine.fill(String(await firstLine.getAttribute("max")));
    await page.getByLabel("Restock returned items").check();
    await page.getByLabel("Reason", { exact: true }).fill("Returned unopened");
    await page.getByRole("button", { name: /^Review refund of / }).click();
    const confirm = page.getByRole("dialog", { name: /^Refund / });
    await confirm.getByRole("button", { name: /^Refund / }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `on order #${number}` })
      .waitFor();
    await heading.filter({ hasText: "Partially refunded" }).waitFor();
    expect(await page.getByTestId("refunded-total").textContent()).not.toBe("$0.00");
    expect(await page.getByRole("region", { name: "Refunds" }).textContent()).toContain("Returned unopened");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("creates a coupon and lists it; usage limits are an admin's", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/coupons/new");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/coupons\/new$/);
    const code = `E2E${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel("Code").fill(code);
    await page.getByLabel("Discount type").selectOption("PERCENTAGE");
    await page.getByLabel("Percent off").fill("150");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.getByText("A percentage is between 1 and 100").waitFor();

    await page.getByLabel("Percent off").fill("15");
    await page.getByLabel("Total uses").fill("10");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.getByText("Only an admin can set a coupon's usage limits").first().waitFor();

    await page.getByLabel("Total uses").fill("");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.waitForURL(/\/admin\/coupons$/);
    await page.getByText(`Coupon ${code} created.`).waitFor();
    const row = page.getByTestId("coupon-row").filter({ hasText: code });
    expect(await row.textContent()).toContain("15% off");
    expect(await row.textContent()).toContain("Active");
    await row.getByRole("button", { name: `Deactivate ${code}` }).click();
    await row.getByRole("button", { name: `Activate ${code}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
