import { describe, expect, it } from "vitest";
import { IMAGE_SIZE, productSvg, seedPictures } from "./images.ts";

describe("seed product pictures", () => {
  it("are studio shots without captions: lit backdrop, shaded product, contact shadow", () => {
    const svg = productSvg({ category: "tablets", colour: "Silver", hue: 210, label: "Acme Tab 11" });
    expect(svg).not.toContain("<text");
    expect(svg).not.toContain("Acme");
    for (const part of ['id="backdrop"', 'fill="url(#shade)"', 'fill="url(#glass)"', 'filter="url(#soft)"'])
      expect(svg).toContain(part);
    expect(svg).toContain(`width="${IMAGE_SIZE}" height="${IMAGE_SIZE}"`);
  });

  it("are one file per drawing, named by its content, whatever the product's name", () => {
    const pictures = seedPictures();
    const tab = pictures.for({ category: "tablets", colour: "Silver", hue: 210, label: "Acme Tab 11" });
    expect(pictures.for({ category: "tablets", colour: "Silver", hue: 210, label: "Acme Tab 12" })).toBe(tab);
    expect(tab.stem).toMatch(/^products\/seed-[0-9a-f]{20}$/);
    expect(new TextDecoder().decode(tab.bytes)).toBe(
      productSvg({ category: "tablets", colour: "Silver", hue: 210, label: "" }),
    );
    const gold = pictures.for({ category: "tablets", colour: "Gold", hue: 210, label: "Acme Tab 11" });
    expect(gold.stem).not.toBe(tab.stem);
    expect(seedPictures().for({ category: "tablets", colour: "Gold", hue: 210, label: "Other" }).stem).toBe(gold.stem);
    expect([...pictures.all()]).toEqual([tab, gold]);
  });
});
