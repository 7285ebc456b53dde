import { prepareSeedImage, storeImage, type MediaStorage } from "@shop/media";

// Product pictures are generated SVGs written to the image storage, so the demo shop needs no
// network and no binary assets. Each category gets a simple device outline. They go through the
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

const shapes: Record<string, (fill: string) => string> = {
  phones: (f) =>
    `<rect x="280" y="140" width="240" height="520" rx="40" fill="${f}" stroke="#0f172a" stroke-width="8"/><rect x="300" y="180" width="200" height="430" rx="16" fill="#0b1220" opacity=".85"/>`,
  earbuds: (f) =>
    `<rect x="250" y="360" width="300" height="200" rx="90" fill="#e5e7eb" stroke="#0f172a" stroke-width="6"/><circle cx="330" cy="300" r="70" fill="${f}" stroke="#0f172a" stroke-width="6"/><circle cx="470" cy="300" r="70" fill="${f}" stroke="#0f172a" stroke-width="6"/>`,
  headphones: (f) =>
    `<path d="M240 420 Q240 190 400 190 Q560 190 560 420" fill="none" stroke="${f}" stroke-width="36"/><rect x="200" y="400" width="110" height="170" rx="40" fill="${f}" stroke="#0f172a" stroke-width="6"/><rect x="490" y="400" width="110" height="170" rx="40" fill="${f}" stroke="#0f172a" stroke-width="6"/>`,
  smartwatches: (f) =>
    `<rect x="340" y="130" width="120" height="540" rx="30" fill="${f}"/><rect x="290" y="270" width="220" height="260" rx="56" fill="#0b1220" stroke="#0f172a" stroke-width="8"/>`,
  "fitness-trackers": (f) =>
    `<rect x="360" y="120" width="80" height="560" rx="36" fill="${f}"/><rect x="335" y="300" width="130" height="200" rx="40" fill="#0b1220"/>`,
  tablets: (f) =>
    `<rect x="190" y="170" width="420" height="460" rx="36" fill="${f}" stroke="#0f172a" stroke-width="8"/><rect x="220" y="200" width="360" height="400" rx="12" fill="#0b1220" opacity=".85"/>`,
  ultrabooks: (f) =>
    `<rect x="220" y="230" width="360" height="250" rx="16" fill="#0b1220" stroke="${f}" stroke-width="18"/><path d="M150 500 H650 L610 560 H190 Z" fill="${f}" stroke="#0f172a" stroke-width="6"/>`,
  "gaming-laptops": (f) =>
    `<rect x="210" y="220" width="380" height="260" rx="10" fill="#0b1220" stroke="${f}" stroke-width="20"/><path d="M140 500 H660 L620 570 H180 Z" fill="${f}" stroke="#0f172a" stroke-width="6"/><rect x="250" y="250" width="300" height="12" fill="#22d3ee"/>`,
  chargers: (f) =>
    `<rect x="300" y="260" width="200" height="260" rx="36" fill="${f}" stroke="#0f172a" stroke-width="6"/><rect x="340" y="200" width="20" height="70" fill="#94a3b8"/><rect x="440" y="200" width="20" height="70" fill="#94a3b8"/>`,
  cases: (f) =>
    `<rect x="270" y="130" width="260" height="540" rx="50" fill="${f}" stroke="#0f172a" stroke-width="8"/><rect x="300" y="160" width="90" height="120" rx="24" fill="#0b1220" opacity=".6"/>`,
  cables: (f) =>
    `<path d="M220 560 C220 300 580 500 580 240" fill="none" stroke="${f}" stroke-width="26" stroke-linecap="round"/><rect x="190" y="550" width="60" height="90" rx="10" fill="#94a3b8"/><rect x="550" y="160" width="60" height="90" rx="10" fill="#94a3b8"/>`,
};

export function productSvg(input: { category: string; colour?: string; hue: number; label: string }): string {
  const fill = swatches[input.colour ?? ""] ?? `hsl(${input.hue} 55% 45%)`;
  const shape = shapes[input.category] ?? shapes.phones;
  const label = input.label.replace(/[<>&"]/g, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 800 800">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${input.hue} 70% 96%)"/><stop offset="1" stop-color="hsl(${input.hue} 60% 86%)"/></linearGradient></defs>
<rect width="800" height="800" fill="url(#bg)"/>${shape?.(fill) ?? ""}
<text x="400" y="740" font-family="system-ui, sans-serif" font-size="34" text-anchor="middle" fill="#0f172a">${label}</text>
</svg>`;
}

/** A picture to store, named by its stem ("products/<slug>"): the file type decides the extension. */
export type SeedPicture = { stem: string; bytes: Uint8Array; width: number; height: number };
export type StoredPicture = { path: string; width: number; height: number; widths: number[] };

export function productPicture(stem: string, input: Parameters<typeof productSvg>[0]): SeedPicture {
  return { stem, bytes: new TextEncoder().encode(productSvg(input)), width: IMAGE_SIZE, height: IMAGE_SIZE };
}

/** Stores the pictures, eight at a time (object storage is a network away); returns each one's row fields by stem. */
export async function storePictures(media: MediaStorage, pictures: readonly SeedPicture[]) {
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
