import type { ImgHTMLAttributes } from "react";

/** An image as the API describes it: URL, intrinsic size and, when smaller copies exist, srcset lists. */
export type ImageSources = {
  url: string;
  width: number;
  height: number;
  srcSet?: string | null;
  webpSrcSet?: string | null;
};

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "srcSet" | "width" | "height" | "sizes"> & {
  image: ImageSources;
  alt: string;
  /** How wide the image is drawn, for the browser to pick a width from the srcset, e.g. "(min-width: 640px) 33vw, 50vw". */
  sizes: string;
};

/**
 * A product picture that lets the browser choose: the WebP widths for browsers that take WebP,
 * else the original format's, each described by its real width, so a phone downloads a
 * phone-sized file. Without smaller copies (SVG, old uploads) it is a plain `<img>`. The
 * `<picture>` takes no box (`display: contents`), so the `<img>` lays out and is styled as before.
 */
export function ResponsiveImage({ image, sizes, alt, ...rest }: Props) {
  const img = (
    <img
      src={image.url}
      srcSet={image.srcSet ?? undefined}
      sizes={image.srcSet ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={alt}
      {...rest}
    />
  );
  if (!image.webpSrcSet) return img;
  return (
    <picture className="contents">
      <source type="image/webp" srcSet={image.webpSrcSet} sizes={sizes} />
      {img}
    </picture>
  );
}

/**
 * Starts downloading the width of `image` the browser would pick for `sizes`, before React has
 * rendered the `<img>` (a route loader calls it as soon as the data arrives): the same
 * srcset/sizes as `ResponsiveImage`, so the download is reused and never doubled.
 */
export function preloadImage(image: ImageSources, sizes: string) {
  const webp = image.webpSrcSet ?? null;
  const srcset = webp ?? image.srcSet ?? null;
  const selector = srcset
    ? `link[rel="preload"][imagesrcset="${CSS.escape(srcset)}"]`
    : `link[rel="preload"][href="${CSS.escape(image.url)}"]`;
  if (document.head.querySelector(selector)) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "image";
  link.fetchPriority = "high";
  if (srcset) {
    link.imageSrcset = srcset;
    link.imageSizes = sizes;
    if (webp) link.type = "image/webp";
  } else {
    link.href = image.url;
  }
  document.head.append(link);
}
