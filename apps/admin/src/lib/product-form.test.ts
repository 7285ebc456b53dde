import { describe, expect, it } from "vitest";
import { emptyForm, formProblems, generateVariants, inputFromForm } from "./product-form.ts";

describe("product form", () => {
  it("turns typed prices into minor units and reports problems where they are", () => {
    const form = {
      ...emptyForm(),
      name: "Lamp",
      slug: "lamp",
      variants: [{ sku: "L-1", price: "19.90", compareAtPrice: "", stockOnHand: "3", optionValues: [] }],
    };
    expect(inputFromForm(form).variants[0]).toMatchObject({ price: 1990, compareAtPrice: null, stockOnHand: 3 });
    expect(formProblems(form)).toEqual([]);
    const bad = {
      ...form,
      variants: [
        { ...form.variants[0], sku: "L-1", price: "19,90", compareAtPrice: "", stockOnHand: "3", optionValues: [] },
      ],
    };
    expect(formProblems(bad)[0]).toMatch(/^Variant 1 › price/);
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
