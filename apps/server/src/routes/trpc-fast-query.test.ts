import { describe, expect, it } from "vitest";
import { isPlainJson } from "./trpc-fast-query.ts";

describe("fast catalog queries", () => {
  it("sends only plain JSON without superjson's walk", () => {
    expect(
      isPlainJson({ items: [{ id: 1, name: "A", price: { min: 1 }, image: null, ok: true }], nextCursor: null }),
    ).toBe(true);
    expect(isPlainJson({ at: new Date() })).toBe(false);
    expect(isPlainJson({ missing: undefined })).toBe(false);
    expect(isPlainJson([Number.NaN])).toBe(false);
    expect(isPlainJson(new Map())).toBe(false);
  });
});
