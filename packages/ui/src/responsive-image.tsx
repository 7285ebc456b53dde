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
