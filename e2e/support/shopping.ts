import type { Page } from "playwright-core";
import { waitForHydration } from "./browser.ts";

/** Opens an in-stock product from a listing and puts its preselected variant in the cart. */
export async function addSomethingToCart(page: Page, query = "earbuds") {
  await page.goto(`/search?q=${encodeURIComponent(query)}&stock=1&sort=best_selling`);
  await waitForHydration(page);
  const card = page.getByTestId("product-card").first();
  await card.waitFor();
  await card.getByRole("link").click();
  await page.waitForURL(/\/p\/[a-z0-9-]+$/);
  const add = page.getByTestId("add-to-cart");
  await page
    .getByTestId("add-to-cart")
    .and(page.getByRole("button", { name: "Add to cart" }))
    .waitFor();
  await add.click();
  // The mini-cart opens with what was added; back to the page.
  await page.getByText("Added to your cart.").waitFor();
  await page.getByRole("button", { name: "Continue shopping" }).click();
  await page.getByTestId("mini-cart").waitFor({ state: "detached" });
}

/** A US address through the country's own form: State is a select, ZIP code is checked. */
export async function fillAddress(page: Page) {
  await page.getByLabel("Country", { exact: true }).selectOption("US");
  await page.getByLabel("State", { exact: true }).waitFor();
  const fields: Record<string, string> = {
    "Full name": "Grace Hopper",
    "Street address": "1 Navy Way",
    City: "Austin",
    "ZIP code": "73301",
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("State", { exact: true }).selectOption("TX");
}

export async function payWithCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay now" }).click();
}
