import { MAX_IMAGE_BYTES } from "@shop/validators";

export const imageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why a chosen file cannot be a product image, in words staff understand; null when it can. */
export function imageFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!imageTypes.some((type) => type === file.type))
    return `“${file.name}” is not an image the shop can show: choose a PNG, JPEG, GIF or WebP file.`;
  if (file.size > MAX_IMAGE_BYTES)
    return `“${file.name}” is ${megabytes(file.size)}; images may be at most ${megabytes(MAX_IMAGE_BYTES)}. Export it smaller and try again.`;
  return null;
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}
