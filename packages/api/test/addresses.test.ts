import { expandUnionIssues } from "@shop/validators";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

/** Every problem a failed call reported, by dotted path. */
function problems(error: unknown): Record<string, string> {
  const cause = error instanceof TRPCError ? error.cause : undefined;
  if (!(cause instanceof ZodError)) return {};
  return Object.fromEntries(expandUnionIssues(cause.issues).map((issue) => [issue.path.join("."), issue.message]));
}

describe("addresses by country (the address library's rules)", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
  });
  afterAll(() => shop.db.close());

  it("lists countries and gives each one's form", async () => {
    const { caller } = await callerFor(shop.prisma);
    const countries = await caller.checkout.countries();
    expect(countries).toContainEqual({ code: "GB", name: "United Kingdom" });
    const japan = await caller.checkout.addressFormat({ country: "jp" });
    expect(japan).toMatchObject({ code: "JP", labels: { region: "Prefecture", postalCode: "Postal code" } });
    expect(japan.layout.flat()).not.toContain("city");
    await expect(caller.checkout.addressFormat({ country: "QQ" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an order whose address its country would not deliver, naming every field, and changes nothing", async () => {
    const product = await shop.make.product({ variants: [{ price: 2_000, stock: 3 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 1 }));
    const bad = {
      fullName: "Taro Yamada",
      line1: "1-1 Chiyoda",
      city: "",
      region: "Narnia",
      postalCode: "1000",
      country: "JP",
    };
    const error = await guest
      .call((c) => c.checkout.placeOrder(checkoutInput({ email: "taro@example.com", shippingAddress: bad })))
      .catch((e: unknown) => e);
    expect(problems(error)).toEqual({
      "shippingAddress.region": "Choose the prefecture from the list",
      "shippingAddress.postalCode": "Check the postal code: it looks like 154-0023",
    });
    expect(await shop.prisma.order.count({ where: { email: "taro@example.com" } })).toBe(0);

    const placed = await guest.call((c) =>
      c.checkout.placeOrder(
        checkoutInput({
          email: "taro@example.com",
          shippingAddress: { ...bad, region: "tokyo", postalCode: "100-0001" },
        }),
      ),
    );
    const address = await shop.prisma.orderAddress.findFirstOrThrow({
      where: { order: { number: placed.order.number } },
    });
    expect(address).toMatchObject({ region: "Tokyo", postalCode: "100-0001", city: "", country: "JP" });
  });

  it("keeps a saved US address's state as its code and a UK postcode in capitals", async () => {
    const user = await shop.make.user();
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const us = await caller.account.addresses.create({
      fullName: "Ada",
      line1: "1 Market St",
      city: "San Francisco",
      region: "California",
      postalCode: "94103",
      country: "US",
    });
    expect(us).toMatchObject({ region: "CA" });
    const uk = await caller.account.addresses.create({
      fullName: "Ada",
      line1: "10 Downing St",
      city: "London",
      postalCode: "sw1a 2aa",
      country: "GB",
    });
    expect(uk).toMatchObject({ postalCode: "SW1A 2AA" });
    const error = await caller.account.addresses
      .create({ fullName: "Ada", line1: "1 Main St", city: "Austin", postalCode: "ABCDE", country: "US" })
      .catch((e: unknown) => e);
    expect(problems(error)).toEqual({
      region: "Choose the state",
      postalCode: "Check the ZIP code: it looks like 95014",
    });
  });
});
