// How the files of one image are named. An upload "products/42/ab12.png" is stored as itself
// (the original format, metadata stripped), "products/42/ab12.png.webp" (full-size WebP) and one
// pair per smaller width: "products/42/ab12.w640.png" and "products/42/ab12.w640.webp".

/** The widths made of every raster image, never wider than the original (no upscaling). */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;

/** Every width an image of `width` pixels is available in, ascending; the last is the original. */
export function widthsFor(width: number): number[] {
  return [...IMAGE_WIDTHS.filter((candidate) => candidate < width), width];
}

const stemOf = (path: string) => path.slice(0, path.lastIndexOf("."));
const extensionOf = (path: string) => path.slice(path.lastIndexOf(".") + 1);

/** The key of one width of an image; the original width is the original key (or its WebP copy). */
export function widthKey(image: { path: string; width: number }, width: number, format: "original" | "webp"): string {
  const same = format === "original" || extensionOf(image.path) === "webp";
  if (width === image.width) return same ? image.path : `${image.path}.webp`;
  return `${stemOf(image.path)}.w${width}.${same ? extensionOf(image.path) : "webp"}`;
}

export type ImageFiles = { path: string; width: number; widths: readonly number[] };

/**
 * Every key that belongs to an image, for deleting it or checking a backup. The standard widths
 * are included even when the row lists none: deleting a key that does not exist is harmless, and
 * this way a copy made by an interrupted backfill is not left behind.
 */
export function imageKeys(image: ImageFiles): string[] {
  if (extensionOf(image.path) === "svg") return [image.path];
  const widths = new Set([...image.widths, ...widthsFor(image.width)]);
  const keys = [...widths].flatMap((width) => [widthKey(image, width, "original"), widthKey(image, width, "webp")]);
  return [...new Set([image.path, `${image.path}.webp`, ...keys])];
}

/** The keys a restored shop needs: exactly the files the row says were made. */
export function expectedKeys(image: ImageFiles): string[] {
  const keys = image.widths.flatMap((width) => [widthKey(image, width, "original"), widthKey(image, width, "webp")]);
  return [...new Set([image.path, ...keys])];
}
