import { widthKey } from "@shop/media";
import type { ApiConfig } from "../context.ts";

/** Public URL of a stored image; `mediaBaseUrl` may point at a CDN or the bucket itself. */
export function mediaUrl(config: Pick<ApiConfig, "mediaBaseUrl">, path: string): string {
  return `${config.mediaBaseUrl.replace(/\/$/, "")}/${path}`;
}

export type StoredImage = { path: string; width: number; height: number; widths: readonly number[] };

/**
 * An image as the apps show it: its URL and intrinsic size, plus `srcset` lists with real widths
 * (original format and WebP) when smaller copies exist, so a phone downloads a phone-sized file.
 * Plain URLs only: a CDN or public bucket cannot pick WebP by the Accept header, so the apps
 * offer it with `<picture><source type="image/webp">` (the `ResponsiveImage` component).
 */
export function responsiveImage(config: Pick<ApiConfig, "mediaBaseUrl">, image: StoredImage) {
  const list = (format: "original" | "webp") =>
    image.widths.length > 0
      ? image.widths.map((width) => `${mediaUrl(config, widthKey(image, width, format))} ${width}w`).join(", ")
      : null;
  return {
    url: mediaUrl(config, image.path),
    width: image.width,
    height: image.height,
    srcSet: list("original"),
    webpSrcSet: image.path.endsWith(".webp") ? null : list("webp"),
  };
}
