import type { PrismaClient } from "@shop/db";
import { callerFor } from "./support.ts";

export const address = {
  fullName: "Ada Lovelace",
  line1: "1 Main St",
  city: "Austin",
  region: "TX",
  postalCode: "73301",
  country: "US",
};

/** Shipping methods and tax rates as a real shop would have them. */
export async function setupCheckoutReference(db: PrismaClient) {
  await db.shippingMethod.upsert({
    where: { code: "standard" },
    create: {
      code: "standard",
      name: "Standard",
      price: 500,
      freeOverSubtotal: 10_000,
      minDays: 3,
      maxDays: 5,
      position: 0,
    },
    update: {},
  });
  await db.shippingMethod.upsert({
    where: { code: "express" },
    create: { code: "express", name: "Express", price: 1_500, minDays: 1, maxDays: 2, position: 1 },
    update: {},
  });
  await db.taxRate.upsert({
    where: { country_region: { country: "US", region: "TX" } },
    create: { country: "US", region: "TX", name: "Texas", rateBps: 625, appliesToShipping: true },
    update: {},
  });
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A guest shopper whose cart cookie is carried from call to call, like a browser. */
export async function guestShopper(db: PrismaClient, options: Parameters<typeof callerFor>[1] = {}) {
  let shopper = await callerFor(db, options);
  let token: string | null = null;
  return {
    async call<T>(fn: (caller: Caller["caller"]) => Promise<T>): Promise<T> {
      shopper = await callerFor(db, { ...options, request: { ...options.request, cartToken: token } });
      const result = await fn(shopper.caller);
      const cookie = shopper.cookies.get("shop_cart");
      if (cookie) token = cookie.value || null;
      return result;
    },
    get cartToken() {
      return token;
    },
  };
}

export const checkoutInput = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  email: "guest@example.com",
  shippingAddress: address,
  shippingMethod: "standard",
  ...overrides,
});

export const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" });
