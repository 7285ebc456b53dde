import { describe, expect, it } from "vitest";
import { listParams, mergeParams, oneOf } from "./list-params.ts";

describe("list state in the URL", () => {
  it("sets, replaces and removes keys, keeping the others", () => {
    const next = mergeParams(new URLSearchParams("q=shirt&status=DRAFT&brand=3"), {
      q: "hat",
      status: "",
      brand: undefined,
      low: true,
      page: 2,
      hidden: false,
    });
    expect(next.toString()).toBe("q=hat&low=1&page=2");
  });

  it("reads text, ids, flags and known values, ignoring anything else", () => {
    let written: URLSearchParams | undefined;
    const list = listParams([
      new URLSearchParams("q=a&brand=7&low=1&role=ROOT&status=ACTIVE&bad=x"),
      (next) => (written = next),
    ]);
    expect([
      list.text("q"),
      list.text("none"),
      list.id("brand"),
      list.id("bad"),
      list.flag("low"),
      list.flag("q"),
    ]).toEqual(["a", "", 7, undefined, true, undefined]);
    expect(list.oneOf("role", ["STAFF", "ADMIN"])).toBeUndefined();
    expect(list.oneOf("status", ["ACTIVE", "DRAFT"])).toBe("ACTIVE");
    list.set({ q: "" });
    expect(written?.has("q")).toBe(false);
    expect(written?.get("brand")).toBe("7");
    expect(oneOf(["a", "b"], null)).toBeUndefined();
  });
});
