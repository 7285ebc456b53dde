import { describe, expect, it } from "vitest";
import { breadcrumbStructuredData, decimalPrice } from "./structured-data.ts";

describe("structured data", () => {
  it("writes prices as schema.org decimals from minor units, without floating point", () => {
    expect(decimalPrice(4_900, "USD")).toBe("49.00");
    expect(decimalPrice(1_999, "USD")).toBe("19.99");
    expect(decimalPrice(5, "EUR")).toBe("0.05");
    expect(decimalPrice(123_456_789, "USD")).toBe("1234567.89");
    expect(decimalPrice(1_500, "JPY")).toBe("1500");
    expect(decimalPrice(1_234, "KWD")).toBe("1.234");
  });

  it("numbers breadcrumbs from Home and makes every crumb an absolute URL", () => {
    const absolute = (path: string) => new URL(path, "https://shop.example/").toString();
    expect(breadcrumbStructuredData([{ name: "Audio", path: "/c/audio" }], absolute).itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://shop.example/" },
      { "@type": "ListItem", position: 2, name: "Audio", item: "https://shop.example/c/audio" },
    ]);
  });
});
