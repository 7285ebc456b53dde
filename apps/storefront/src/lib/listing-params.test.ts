import { describe, expect, it } from "vitest";
import { canonicalSearch, filtersFromParams, toggleParam, withParam } from "./listing-params.ts";

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

  it("normalises a listing's canonical query: known parameters only, one order, default sort dropped, cursor kept", () => {
    const messy = new URLSearchParams(
      "utm_source=x&sort=newest&o.Colour=Blue&brand=sony&stock=1&brand=apple&o.Colour=Black&min=100",
    );
    expect(canonicalSearch(messy, "audio")).toBe(
      "?brand=apple&brand=sony&min=100&stock=1&o.Colour=Black&o.Colour=Blue",
    );
    const reordered = new URLSearchParams("min=100&o.Colour=Black&brand=apple&o.Colour=Blue&stock=1&brand=sony");
    expect(canonicalSearch(reordered, "audio")).toBe(canonicalSearch(messy, "audio"));
    expect(canonicalSearch(new URLSearchParams("sort=price_asc&cursor=abc"), "audio")).toBe(
      "?sort=price_asc&cursor=abc",
    );
    expect(canonicalSearch(new URLSearchParams("q=pods&sort=relevance"))).toBe("?q=pods");
    expect(canonicalSearch(new URLSearchParams("q=pods&sort=newest"))).toBe("?q=pods&sort=newest");
    expect(canonicalSearch(new URLSearchParams("rating=9&max=oops"), "audio")).toBe("");
  });
});
