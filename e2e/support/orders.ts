import type { APIRequestContext, Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { baseUrl } from "./browser.ts";

// Orders placed and handled for browser tests: a guest buys through the API (fast), staff act
// in the admin as a person would.

export async function signInAsStaff(page: Page) {
  await page.waitForURL(/\/admin\/sign-in$/);
  await page.getByLabel("Email").fill("staff@example.com");
  await page.getByLabel("Password").fill("staff-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Reads a nested field of a JSON answer. */
export const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce(
    (current, key) => (current && typeof current === "object" ? Reflect.get(current, key) : undefined),
    value,
  );

/** A tRPC mutation as the storefront sends it: superjson body, and the Origin the CSRF check wants. */
export async function mutate(
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
export async function placePaidOrder(browser: Browser): Promise<{ number: number; email: string; key: string }> {
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
  const key = String(field(placed.data, "key"));
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
  return { number, email, key };
}

/** Signs a staff member in and opens the admin screen of order `number`. */
export async function openOrderAsStaff(page: Page, number: number) {
  await page.goto("/admin/orders");
  await signInAsStaff(page);
  await page.waitForURL(/\/admin\/orders$/);
  await page.goto(`/admin/orders?q=%23${number}`);
  await page
    .getByTestId("order-row")
    .getByRole("link", { name: `#${number}` })
    .click();
  await page
    .getByRole("heading", { level: 1 })
    .filter({ hasText: `Order #${number}` })
    .waitFor();
}
