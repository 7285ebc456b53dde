import type { Page } from "playwright-core";
import { addSomethingToCart, fillAddress, payWithCard } from "../shopping.ts";
import { firstHref, type UxRoute } from "./types.ts";

const firstProduct = firstHref("/search?q=earbuds&sort=best_selling", "[data-testid=product-card] a[href^='/p/']");
const firstCategory = firstHref("/", "nav[aria-label=Categories] a");

async function openSuggestions(page: Page) {
  await page.getByRole("combobox", { name: "Search products" }).fill("earb");
  await page.getByRole("listbox", { name: "Suggestions" }).waitFor();
}

/** Every storefront screen, for the accessibility and responsive checks. Add new pages here. */
export const storefrontRoutes: UxRoute[] = [
  { name: "home", as: "guest", path: "/" },
  { name: "home, search suggestions open", as: "guest", path: "/", then: openSuggestions },
  {
    name: "home, menu open",
    as: "guest",
    path: "/",
    widths: [360],
    then: async (page) => page.getByRole("button", { name: "Menu" }).click(),
  },
  { name: "search results", as: "guest", path: "/search?q=earbuds" },
  { name: "search, no results", as: "guest", path: "/search?q=zzzqqqxxx" },
  {
    name: "search, filters open",
    as: "guest",
    path: "/search?q=earbuds",
    widths: [360],
    then: async (page) => page.getByRole("button", { name: "Filters" }).click(),
  },
  { name: "category", as: "guest", path: firstCategory },
  { name: "product", as: "guest", path: firstProduct },
  { name: "cart, empty", as: "guest", path: "/cart" },
  {
    name: "cart, with items",
    as: "guest",
    path: async (page) => {
      await addSomethingToCart(page);
      return "/cart";
    },
  },
  { name: "checkout, details", as: "guest", path: "/checkout" },
  {
    name: "checkout, details with errors",
    as: "guest",
    path: "/checkout",
    then: async (page) => {
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.locator("[aria-invalid=true]").first().waitFor();
    },
  },
  {
    name: "checkout, payment",
    as: "guest",
    path: "/checkout",
    then: async (page) => {
      await page.getByLabel("Email").fill("ux.guest@example.com");
      await fillAddress(page);
      await page.getByRole("button", { name: "Continue to payment" }).click();
      await page.getByRole("heading", { name: /Pay for order/ }).waitFor();
    },
  },
  {
    name: "order confirmation",
    as: "guest",
    // Pays on the payment step the previous route left open.
    path: async (page) => {
      await payWithCard(page, "4242 4242 4242 4242");
      await page.waitForURL(/\/order-confirmation\/\d+$/);
      return new URL(page.url()).pathname;
    },
  },
  { name: "order lookup", as: "guest", path: "/orders/lookup" },
  { name: "sign in", as: "guest", path: "/sign-in" },
  {
    name: "sign in, wrong password",
    as: "guest",
    path: "/sign-in",
    then: async (page) => {
      await page.getByLabel("Email").fill("nobody@example.com");
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").first().waitFor();
    },
  },
  { name: "sign up", as: "guest", path: "/sign-up" },
  { name: "confirm sign-up", as: "guest", path: "/sign-up/confirm#token=not-a-real-token" },
  { name: "forgot password", as: "guest", path: "/forgot-password" },
  { name: "reset password", as: "guest", path: "/reset-password#token=not-a-real-token" },
  { name: "not found", as: "guest", path: "/no-such-page" },
  { name: "account", as: "customer", path: "/account" },
  { name: "account addresses", as: "customer", path: "/account/addresses" },
  { name: "account sessions", as: "customer", path: "/account/sessions" },
  { name: "account orders", as: "customer", path: "/account/orders" },
  { name: "account order", as: "customer", path: firstHref("/account/orders", "main a[href^='/orders/']") },
  { name: "account wishlist", as: "customer", path: "/account/wishlist" },
  { name: "account reviews", as: "customer", path: "/account/reviews" },
  { name: "product, signed in", as: "customer", path: firstProduct },
  {
    name: "checkout, saved address",
    as: "customer",
    path: async (page) => (await addSomethingToCart(page, "case"), "/checkout"),
  },
];
