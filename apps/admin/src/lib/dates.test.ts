import { describe, expect, it } from "vitest";
import { periodLabel } from "./dates.ts";

describe("chart period labels", () => {
  it("writes days and months as the locale does, never as ISO", () => {
    expect(periodLabel("2026-03-09", "day", "en-US")).toBe("Mar 9");
    expect(periodLabel("2026-03-09", "week", "en-GB")).toBe("9 Mar");
    expect(periodLabel("2026-03-01", "month", "en-US")).toBe("Mar 2026");
    expect(periodLabel("2026-03-01", "month", "de-DE")).toBe("März 2026");
    expect(periodLabel("not a day", "day", "en-US")).toBe("not a day");
  });
});
