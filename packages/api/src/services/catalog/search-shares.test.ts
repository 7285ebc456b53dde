import { describe, expect, it } from "vitest";
import { matchShare, walkPages } from "./search-shares.ts";

const lexemes = new Map([
  ["wireless", 0.14],
  ["earbud", 0.19],
  ["headphon", 0.09],
  ["head", 0.02],
  ["case", 0.05],
]);

describe("matchShare", () => {
  it("reads a word's share from its lexeme, stemmed or as a prefix", () => {
    expect(matchShare("wireless", lexemes)).toBe(0.14);
    // "headphones" is stemmed to "headphon"; "head" is not its stem (four letters shorter).
    expect(matchShare("headphones", lexemes)).toBe(0.09);
    // A prefix matches every lexeme it starts: "head" and "headphon".
    expect(matchShare("head:*", lexemes)).toBeCloseTo(0.11, 10);
    expect(matchShare("earbuds:*", lexemes)).toBe(0.19);
  });

  it("takes the least share of words joined by AND and the sum of words joined by OR", () => {
    expect(matchShare("wireless & earbuds:*", lexemes)).toBe(0.14);
    expect(matchShare("(wirelss | wireless) & (cas:* | case:*)", lexemes)).toBeCloseTo(0.1, 10);
  });

  it("calls a word the statistics do not list rare", () => {
    expect(matchShare("bamboo:*", lexemes)).toBe(0);
    expect(matchShare("wireless & bamboo", lexemes)).toBe(0);
    expect(matchShare("wireless", new Map())).toBe(0);
  });
});

describe("walkPages", () => {
  const million = { lexemes, rows: 1_000_000, pages: 144_000 };

  it("walks for a common search on a large table, at most three times the pages it expects", () => {
    // 1,001 / 0.14 = 7,150 rows expected, at 6.9 rows a page (1,000,000 / 144,000): three times that.
    expect(walkPages(million, 0.14, 1_000)).toBe(Math.ceil((3 * (1_001 / 0.14) * 144_000) / 1_000_000));
  });

  it("keeps the index for a rare search, a small table, or no statistics", () => {
    expect(walkPages(million, 0.05, 1_000)).toBeNull();
    expect(walkPages({ ...million, rows: 100_000, pages: 14_400 }, 0.14, 1_000)).toBeNull();
    expect(walkPages(undefined, 0.5, 1_000)).toBeNull();
    expect(walkPages({ ...million, rows: 0, pages: 0 }, 0.5, 1_000)).toBeNull();
    expect(walkPages(million, 0, 1_000)).toBeNull();
  });
});
