import { describe, expect, it } from "vitest";
import { IMAGE_SIZE, productSvg } from "./images.ts";

describe("seed product pictures", () => {
  it("are studio shots without captions: lit backdrop, shaded product, contact shadow", () => {
    const svg = productSvg({ category: "tablets", colour: "Silver", hue: 210, label: "Acme Tab 11" });
    expect(svg).not.toContain("<text");
    expect(svg).not.toContain("Acme");
    for (const part of ['id="backdrop"', 'fill="url(#shade)"', 'fill="url(#glass)"', 'filter="url(#soft)"'])
      expect(svg).toContain(part);
    expect(svg).toContain(`width="${IMAGE_SIZE}" height="${IMAGE_SIZE}"`);
  });
});
