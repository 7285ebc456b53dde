import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeState, type PageState } from "./state.ts";

const base: PageState = {
  origin: "https://shop.example",
  locale: "en-US",
  assets: { entry: "/assets/index.js", styles: ["/assets/index.css"], preloads: [] },
  queries: { mutations: [], queries: [] },
  router: { loaderData: { "0": null }, actionData: null, errors: null },
};

/**
 * What superjson itself writes: the same annotations, and the same value once read back. (It also
 * writes `null` for an object's `undefined` property, which its annotation turns back into
 * `undefined`; JSON.stringify leaves the property out, which reads back the same.)
 */
function expectSameAsSuperjson(state: PageState, message?: string) {
  const text = serializeState(state);
  const reference = superjson.stringify(state);
  expect(JSON.parse(text).meta, message).toStrictEqual(JSON.parse(reference).meta);
  expect(superjson.parse(text), message).toStrictEqual(superjson.parse(reference));
  return text;
}

// A small deterministic generator (mulberry32), so a failure names a seed that reproduces it.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ["id", "name", "a.b", "back\\slash", "createdAt", "0", "pageParams", "x.y\\z", "</script>"];

function tree(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return Math.floor(next() * 2_000_000) - 1_000_000;
    case 3:
      return `text ${Math.floor(next() * 100)} </script><b>`;
    case 4:
      return new Date(Math.floor(next() * 2_000_000_000_000));
    case 5:
      return next() < 0.5;
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => tree(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [
          KEYS[Math.floor(next() * KEYS.length)],
          tree(next, depth + 1),
        ]),
      );
  }
}

describe("the page state", () => {
  it("is written as superjson writes it, Dates and undefined included, and reads back the same", () => {
    const state: PageState = {
      ...base,
      queries: {
        mutations: [],
        queries: [
          {
            queryKey: [["reviews", "list"], { input: { productId: 1, rating: undefined }, type: "infinite" }],
            queryHash: '[["reviews","list"]]',
            dehydratedAt: 1796658717277,
            state: {
              data: {
                pages: [{ items: [{ body: "</script> fine", createdAt: new Date(Date.UTC(2026, 0, 2)) }] }],
                pageParams: [undefined],
              },
              dataUpdateCount: 1,
              dataUpdatedAt: 1,
              error: null,
              errorUpdateCount: 0,
              errorUpdatedAt: 0,
              fetchFailureCount: 0,
              fetchFailureReason: null,
              fetchMeta: null,
              isInvalidated: false,
              status: "success",
              fetchStatus: "idle",
            },
          },
        ],
      },
      router: { loaderData: { "0": undefined, "a.b": { "c\\d": new Date(0) } }, actionData: null, errors: null },
    };
    const text = expectSameAsSuperjson(state);
    expect(text).not.toContain("</script>");
    expect(superjson.parse(text)).toStrictEqual(state);
  });

  it("matches superjson on 300 random trees", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const state: PageState = {
        ...base,
        router: { loaderData: tree(random(seed), 0), actionData: null, errors: null },
      };
      expectSameAsSuperjson(state, `seed ${seed}`);
    }
  });

  it("refuses what it would lose instead of writing something else", () => {
    for (const value of [new Map(), new Set([1]), 1n, Number.NaN, Infinity, new (class Money {})()]) {
      expect(() => serializeState({ ...base, router: { loaderData: { value } } })).toThrow(/page state/);
    }
  });
});
