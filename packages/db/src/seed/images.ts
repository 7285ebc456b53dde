import { createHash } from "node:crypto";
import { prepareSeedImage, storeImage, type MediaStorage } from "@shop/media";

// Product pictures are generated SVGs written to the image storage, so the demo shop needs no
// network and no binary assets. They are drawn like studio product shots: a soft backdrop lit
// from the top left, the product with shading and a highlight, a glossy screen where it has one,
// and a blurred contact shadow; no caption (the page names the product). They go through the
// same pipeline as uploads (`prepareSeedImage`): an SVG is stored as it is (a vector needs no
// smaller widths), while a raster picture (PNG, JPEG…) would get every responsive width.

const swatches: Record<string, string> = {
  Black: "#1f2937",
  White: "#f3f4f6",
  Silver: "#cbd5e1",
  Blue: "#2563eb",
  Green: "#16a34a",
  Pink: "#f472b6",
  Graphite: "#4b5563",
  Gold: "#d4a72c",
  Red: "#dc2626",
  Purple: "#7c3aed",
};

export const IMAGE_SIZE = 800;

/**
 * Each product's silhouette, drawn twice: once in its colour, once in the shading gradient
 * (`url(#shade)`) on top; `screen` parts are glass. `floor` is the shadow's width, `base` where the product meets it.
 */
type Shape = { body: (fill: string) => string; screen?: string; floor: number; base: number };

const shapes: Record<string, Shape> = {
  phones: {
    body: (f) => `<rect x="290" y="120" width="220" height="500" rx="38" fill="${f}"/>`,
    screen: `<rect x="304" y="134" width="192" height="472" rx="28"/>`,
    floor: 230,
    base: 620,
  },
  earbuds: {
    body: (f) =>
      `<rect x="250" y="380" width="300" height="190" rx="80" fill="${f}"/><ellipse cx="335" cy="300" rx="62" ry="70" fill="${f}"/><ellipse cx="465" cy="300" rx="62" ry="70" fill="${f}"/><rect x="320" y="300" width="30" height="110" rx="15" fill="${f}"/><rect x="450" y="300" width="30" height="110" rx="15" fill="${f}"/>`,
    floor: 320,
    base: 570,
  },
  headphones: {
    body: (f) =>
      `<path d="M250 430 Q250 170 400 170 Q550 170 550 430" fill="none" stroke="${f}" stroke-width="34" stroke-linecap="round"/><rect x="205" y="400" width="110" height="180" rx="46" fill="${f}"/><rect x="485" y="400" width="110" height="180" rx="46" fill="${f}"/>`,
    floor: 420,
    base: 580,
  },
  smartwatches: {
    body: (f) =>
      `<rect x="345" y="110" width="110" height="560" rx="34" fill="${f}"/><rect x="295" y="265" width="210" height="250" rx="58" fill="${f}"/>`,
    screen: `<rect x="315" y="285" width="170" height="210" rx="44"/>`,
    floor: 220,
    base: 670,
  },
  "fitness-trackers": {
    body: (f) =>
      `<rect x="362" y="110" width="76" height="570" rx="36" fill="${f}"/><rect x="340" y="295" width="120" height="210" rx="44" fill="${f}"/>`,
    screen: `<rect x="356" y="318" width="88" height="164" rx="30"/>`,
    floor: 160,
    base: 680,
  },
  tablets: {
    body: (f) => `<rect x="190" y="150" width="420" height="480" rx="34" fill="${f}"/>`,
    screen: `<rect x="212" y="172" width="376" height="436" rx="16"/>`,
    floor: 440,
    base: 630,
  },
  ultrabooks: {
    body: (f) =>
      `<rect x="215" y="200" width="370" height="270" rx="14" fill="${f}"/><path d="M140 478 H660 L628 540 H172 Z" fill="${f}"/>`,
    screen: `<rect x="232" y="216" width="336" height="238" rx="6"/>`,
    floor: 540,
    base: 540,
  },
  "gaming-laptops": {
    body: (f) =>
      `<rect x="200" y="190" width="400" height="280" rx="10" fill="${f}"/><path d="M125 478 H675 L640 552 H160 Z" fill="${f}"/><rect x="230" y="548" width="340" height="10" rx="4" fill="#22d3ee" opacity=".8"/>`,
    screen: `<rect x="218" y="206" width="364" height="248" rx="4"/>`,
    floor: 570,
    base: 558,
  },
  chargers: {
    body: (f) =>
      `<rect x="335" y="190" width="22" height="80" rx="4" fill="#94a3b8"/><rect x="443" y="190" width="22" height="80" rx="4" fill="#94a3b8"/><rect x="295" y="255" width="210" height="280" rx="44" fill="${f}"/>`,
    floor: 240,
    base: 535,
  },
  cases: {
    body: (f) =>
      `<rect x="275" y="110" width="250" height="530" rx="54" fill="${f}"/><rect x="300" y="140" width="96" height="126" rx="28" fill="#0b1220" opacity=".55"/><circle cx="327" cy="172" r="16" fill="#111827"/><circle cx="327" cy="232" r="16" fill="#111827"/>`,
    floor: 260,
    base: 640,
  },
  cables: {
    body: (f) =>
      `<path d="M230 560 C230 300 570 500 570 250" fill="none" stroke="${f}" stroke-width="24" stroke-linecap="round"/><rect x="202" y="548" width="56" height="96" rx="12" fill="${f}"/><rect x="542" y="160" width="56" height="96" rx="12" fill="${f}"/><rect x="214" y="632" width="32" height="34" rx="4" fill="#cbd5e1"/><rect x="554" y="128" width="32" height="34" rx="4" fill="#cbd5e1"/>`,
    floor: 420,
    base: 666,
  },
};

/** A studio shot of a product in its colour (or its brand's hue), as an 800×800 SVG. */
export function productSvg(input: { category: string; colour?: string; hue: number; label: string }): string {
  const fill = swatches[input.colour ?? ""] ?? `hsl(${input.hue} 55% 45%)`;
  const shape = shapes[input.category] ?? shapes.phones;
  if (!shape) throw new Error("no product shape");
  const h = input.hue;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 800 800">
<defs>
<radialGradient id="backdrop" cx=".35" cy=".3" r=".95"><stop offset="0" stop-color="hsl(${h} 25% 98%)"/><stop offset=".6" stop-color="hsl(${h} 18% 91%)"/><stop offset="1" stop-color="hsl(${h} 16% 80%)"/></radialGradient>
<linearGradient id="shade" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".45"/><stop offset=".45" stop-color="#fff" stop-opacity=".05"/><stop offset=".55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".4"/></linearGradient>
<linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h} 45% 22%)"/><stop offset=".5" stop-color="#0b1220"/><stop offset="1" stop-color="#020617"/></linearGradient>
<linearGradient id="glare" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity=".22"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>
<filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="18"/></filter>
<clipPath id="screen-clip">${shape.screen ?? ""}</clipPath>
</defs>
<rect width="800" height="800" fill="url(#backdrop)"/>
<ellipse cx="400" cy="${shape.base + 8}" rx="${shape.floor / 2}" ry="22" fill="#0f172a" opacity=".28" filter="url(#soft)"/>
<g>${shape.body(fill)}</g>
<g>${shape.body("url(#shade)")}</g>
${shape.screen ? `<g fill="url(#glass)">${shape.screen}</g><g clip-path="url(#screen-clip)"><path d="M0 0 H520 L180 800 H0 Z" fill="url(#glare)"/></g>` : ""}
</svg>`;
}

/** A picture to store, named by its stem ("products/<name>"): the file type decides the extension. */
export type SeedPicture = { stem: string; bytes: Uint8Array; width: number; height: number };
export type StoredPicture = { path: string; width: number; height: number; widths: number[] };

/**
 * The catalog's pictures, one per distinct drawing. A picture shows a product's shape in its
 * colour (or its brand's hue), never its name, so thousands of products share each one: a
 * million products need a few hundred files, not two million. Each is named by its content
 * ("products/seed-<sha-256 prefix>"), so the same drawing is always the same file; image rows
 * share it, and its file goes when the last row showing it does (migration seed_scale).
 */
export function seedPictures() {
  const byInput = new Map<string, SeedPicture>();
  return {
    /** A product's picture in a colour (or its hue). The label is never drawn (no caption): no part of the key. */
    for(input: Parameters<typeof productSvg>[0]): SeedPicture {
      const key = `${input.category}\u0000${input.colour ?? ""}\u0000${input.hue}`;
      let picture = byInput.get(key);
      if (!picture) {
        const bytes = new TextEncoder().encode(productSvg(input));
        const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
        picture = { stem: `products/seed-${hash}`, bytes, width: IMAGE_SIZE, height: IMAGE_SIZE };
        byInput.set(key, picture);
      }
      return picture;
    },
    /** Every picture asked for so far. */
    all: () => byInput.values(),
  };
}
export type SeedPictures = ReturnType<typeof seedPictures>;

/** Stores the pictures, eight at a time (object storage is a network away); returns each one's row fields by stem. */
export async function storePictures(media: MediaStorage, pictures: Iterable<SeedPicture>) {
  const stored = new Map<string, StoredPicture>();
  const queue = [...pictures];
  const worker = async () => {
    for (let picture = queue.shift(); picture; picture = queue.shift()) {
      const prepared = await prepareSeedImage(picture.bytes, { width: picture.width, height: picture.height });
      stored.set(picture.stem, await storeImage(media, picture.stem, prepared));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return stored;
}
