import { describe, expect, it } from "vitest";
import { emptyForm, formErrors, generateVariants, inputFromForm } from "./product-form.ts";

describe("product form", () => {
  it("turns typed prices into minor units and reports problems where they are", () => {
    const form = {
      ...emptyForm(),
      name: "Lamp",
      slug: "lamp",
      variants: [{ sku: "L-1", price: "19.90", compareAtPrice: "", stockOnHand: "3", optionValues: [] }],
    };
    expect(inputFromForm(form).variants[0]).toMatchObject({ price: 1990, compareAtPrice: null, stockOnHand: 3 });
    expect(formErrors(form)).toEqual({});
    const bad = {
      ...form,
      variants: [
        { ...form.variants[0], sku: "L-1", price: "19,90", compareAtPrice: "", stockOnHand: "3", optionValues: [] },
      ],
    };
    expect(formErrors(bad)).toEqual({ "variants.0.price": "Enter a price for the product, like 19.99" });
  });

  it("says which variant or option a problem is about, on its field", () => {
    const form = {
      ...emptyForm(),
      name: "Phone",
      slug: "phone",
      options: [
        { name: "Colour", values: "Black, White" },
        { name: "Storage", values: "128 GB" },
      ],
      variants: [
        { sku: "P-B", price: "", compareAtPrice: "", stockOnHand: "3", optionValues: ["Black", "128 GB"] },
        { sku: "P-B", price: "5", compareAtPrice: "4", stockOnHand: "x", optionValues: ["White", "128 GB"] },
      ],
    };
    expect(formErrors(form)).toEqual({
      "variants.0.price": "Enter a price for the Black / 128 GB variant, like 19.99",
      "variants.1.stockOnHand": "Enter the units in stock for the White / 128 GB variant, as a whole number",
    });
    // Rules across variants are checked once each variant's own fields are right.
    const fixed = {
      ...form,
      variants: form.variants.map((variant) => ({ ...variant, price: variant.price || "5", stockOnHand: "1" })),
    };
    expect(formErrors(fixed)).toEqual({
      "variants.1.sku": "Use another SKU for the White / 128 GB variant: a variant of this product has it already",
      "variants.1.compareAtPrice":
        "Enter a compare-at price above the price for the White / 128 GB variant, or leave it empty",
    });
  });

  it("generates one variant per combination and keeps existing rows", () => {
    const form = {
      ...emptyForm(),
      slug: "tee",
      options: [
        { name: "Size", values: "S, M" },
        { name: "Colour", values: "Red" },
      ],
    };
    const rows = generateVariants({
      ...form,
      variants: [{ sku: "KEEP", price: "5.00", compareAtPrice: "", stockOnHand: "1", optionValues: ["M", "Red"] }],
    });
    expect(rows.map((row) => [row.sku, row.optionValues])).toEqual([
      ["TEE-S-Red", ["S", "Red"]],
      ["KEEP", ["M", "Red"]],
    ]);
  });
});
