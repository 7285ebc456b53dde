import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

/** What the browser gets: the message, and the field it belongs on (the error formatter's `details`). */
async function refusal(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof Error)) throw new Error("expected a refusal");
  const cause = error.cause;
  const details = cause && typeof cause === "object" && "details" in cause ? cause.details : undefined;
  return { code: "code" in error ? error.code : undefined, message: error.message, details };
}

describe("admin: taken names, handles and SKUs are refused in words, on their field", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    staff = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id })).caller;
  });
  afterAll(() => shop.db.close());

  // One colour per SKU, so several variants are told apart.
  const colours = ["Red", "Blue", "Green"];
  const lamp = (slug: string, skus: string[]) => ({
    name: "Desk Lamp",
    slug,
    options: [{ name: "Colour", values: colours.slice(0, skus.length) }],
    variants: skus.map((sku, index) => ({ sku, price: 2_000, stockOnHand: 1, optionValues: [colours[index] ?? ""] })),
  });

  it("a product's URL handle or SKU that another product uses, and nothing is written", async () => {
    const first = await staff.admin.products.create(lamp("desk-lamp", ["LAMP-1"]));
    const products = await shop.prisma.product.count();
    expect(await refusal(staff.admin.products.create(lamp("desk-lamp", ["LAMP-2"])))).toEqual({
      code: "CONFLICT",
      message: "Another product already uses the URL handle “desk-lamp”, choose another",
      details: { field: "slug" },
    });
    expect(await refusal(staff.admin.products.create(lamp("desk-lamp-2", ["LAMP-2", "LAMP-1"])))).toEqual({
      code: "CONFLICT",
      message: "Another product already uses the SKU “LAMP-1”, choose another",
      details: { field: "variants.1.sku" },
    });
    expect(await shop.prisma.product.count()).toBe(products);
    // A product keeps its own handle and SKUs when saved again.
    const variants = await shop.prisma.variant.findMany({ where: { productId: first.id }, select: { id: true } });
    await staff.admin.products.update({
      id: first.id,
      ...lamp("desk-lamp", ["LAMP-1"]),
      variants: [{ id: variants[0]?.id, sku: "LAMP-1", price: 2_500, stockOnHand: 1, optionValues: ["Red"] }],
    });
  });

  it("a category's URL handle and a brand's name", async () => {
    await staff.admin.categories.create({ name: "Lamps", slug: "lamps" });
    expect(await refusal(staff.admin.categories.create({ name: "Lamps!", slug: "lamps" }))).toEqual({
      code: "CONFLICT",
      message: "The category “Lamps” already uses the URL handle “lamps”, choose another name",
      details: { field: "slug" },
    });
    const brand = await staff.admin.brands.create({ name: "Lumen", slug: "lumen" });
    expect(await refusal(staff.admin.brands.create({ name: "LUMEN", slug: "lumen-2" }))).toEqual({
      code: "CONFLICT",
      message: "There is already a brand called “Lumen”, choose another name",
      details: { field: "name" },
    });
    await staff.admin.brands.update({ id: brand.id, name: "Lumen", slug: "lumen" });
  });
});
