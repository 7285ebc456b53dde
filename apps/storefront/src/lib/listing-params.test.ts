import { describe, expect, it } from "vitest";
import { filtersFromParams, toggleParam, withParam } from "./listing-params.ts";

describe("listing URL parameters", () => {
  it("reads filters and sort from the URL, ignoring what is malformed", () => {
    const params = new URLSearchParams(
      "q=iphone&brand=apple&brand=samsung&min=1000&max=oops&rating=4&stock=1&o.Colour=Black&o.Colour=Blue&sort=price_asc",
    );
    expect(filtersFromParams(params)).toEqual({
      q: "iphone",
      category: undefined,
      brands: ["apple", "samsung"],
      priceMin: 1000,
      priceMax: undefined,
      minRating: 4,
      inStock: true,
      options: { Colour: ["Black", "Blue"] },
      sort: "price_asc",
    });
    expect(filtersFromParams(new URLSearchParams("sort=cheapest&rating=9"), "phones")).toMatchObject({
      category: "phones",
      sort: undefined,
      minRating: undefined,
    });
  });

  it("toggles one value of a repeated parameter and replaces single ones", () => {
    const params = new URLSearchParams("brand=apple");
    expect(toggleParam(params, "brand", "sony").getAll("brand")).toEqual(["apple", "sony"]);
    expect(toggleParam(params, "brand", "apple").has("brand")).toBe(false);
    expect(withParam(params, "sort", "newest").toString()).toBe("brand=apple&sort=newest");
    expect(withParam(params, "brand", null).toString()).toBe("");
  });
});
