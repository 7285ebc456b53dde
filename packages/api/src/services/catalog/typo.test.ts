import { describe, expect, it } from "vitest";
import { closestTerm, editDistance, searchWords } from "./typo.ts";

describe("typo tolerance", () => {
  it("counts a swapped pair of letters as one edit", () => {
    expect(editDistance("iphnoe", "iphone")).toBe(1);
    expect(editDistance("samsnug", "samsung")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("picks the closest candidate within the edits a word's length allows", () => {
    expect(closestTerm("iphnoe", ["ipad", "iphone", "ip68"], false)).toBe("iphone");
    expect(closestTerm("headphnes", ["headphones", "phones"], false)).toBe("headphones");
    expect(closestTerm("xyzzy", ["iphone", "ipad"], false)).toBeNull();
    expect(closestTerm("cat", ["car"], false)).toBeNull();
  });

  it("compares a word still being typed with the beginnings of candidates", () => {
    expect(closestTerm("iphn", ["iphone"], true)).toBe("ipho");
    expect(closestTerm("samsu", ["samsung"], true)).toBe("samsu");
  });

  it("keeps only letters and digits", () => {
    expect(searchWords("  iPhone 15 & Pro!':* ")).toEqual(["iphone", "15", "pro"]);
    expect(searchWords("')|(")).toEqual([]);
  });
});
