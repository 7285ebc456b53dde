import type { Prisma } from "@shop/db";
import type { ApiConfig } from "../context.ts";
import { responsiveImage } from "../lib/media.ts";

// Named selects: every query says which fields it returns, so nothing leaks by accident.

export const imageSelect = {
  id: true,
  path: true,
  alt: true,
  width: true,
  height: true,
  widths: true,
} satisfies Prisma.ProductImageSelect;

type ImageRow = Prisma.ProductImageGetPayload<{ select: typeof imageSelect }>;

export function toImage(config: Pick<ApiConfig, "mediaBaseUrl">, image: ImageRow) {
  return { id: image.id, alt: image.alt, ...responsiveImage(config, image) };
}
