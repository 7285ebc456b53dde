import { describe, expect, it } from "vitest";
import { CartAddSchema, CartSetQuantitySchema } from "./checkout.ts";
import { ProductCreateSchema } from "./admin-catalog.ts";
import { MAX_LINE_QUANTITY, MAX_PRODUCT_OPTIONS } from "./limits.ts";

// The limits are constants the API, the storefront and the admin import; the schemas must hold
// exactly them.
describe("shared limits", () => {
  it("caps a cart line at MAX_LINE_QUANTITY", () => {
    expect(CartAddSchema.safeParse({ variantId: 1, quantity: MAX_LINE_QUANTITY }).success).toBe(true);
    expect(CartAddSchema.safeParse({ variantId: 1, quantity: MAX_LINE_QUANTITY + 1 }).success).toBe(false);
    expect(
      CartSetQuantitySchema.safeParse({ itemId: 1, quantity: MAX_LINE_QUANTITY + 1 }).error?.issues[0]?.message,
    ).toBe(`At most ${MAX_LINE_QUANTITY} of an item`);
  });

  it("caps a product at MAX_PRODUCT_OPTIONS options", () => {
    const product = (options: number) => ({
      name: "Shirt",
      slug: "shirt",
      options: Array.from({ length: options }, (_, index) => ({ name: `Option ${index}`, values: ["A"] })),
      variants: [
        { sku: "SHIRT-1", price: 1_000, stockOnHand: 1, optionValues: Array.from({ length: options }, () => "A") },
      ],
    });
    expect(ProductCreateSchema.safeParse(product(MAX_PRODUCT_OPTIONS)).success).toBe(true);
    expect(ProductCreateSchema.safeParse(product(MAX_PRODUCT_OPTIONS + 1)).success).toBe(false);
  });
});
