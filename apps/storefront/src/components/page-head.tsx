import type { Thing, WithContext } from "schema-dts";
import { SHOP_DESCRIPTION, SHOP_NAME, useAbsoluteUrl } from "../lib/site.tsx";

type Head = {
  /** The page's own title; the shop's name is added. */
  title: string;
  /** A title to use as it is (a product's SEO title, written by staff). */
  fullTitle?: string | null;
  description?: string | null;
  /** Path and query of the page's canonical URL (normalised by the page); none on noindex pages. */
  canonical?: string;
  /** Search results and private pages (cart, checkout, account…): crawlers follow links but do not index. */
  noindex?: boolean;
  image?: { url: string; width: number; height: number; alt: string } | null;
  type?: "website" | "product";
  /** JSON-LD blocks (schema.org), typed by schema-dts. */
  structuredData?: ReadonlyArray<WithContext<Thing>>;
};

/** JSON in a <script>: `<` escaped so text such as "</script>" in a description cannot end the block. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * A page's head: title, description, canonical URL, robots, Open Graph and Twitter card tags, and
 * its structured data. React 19 hoists the tags into <head>, on the server and in the browser.
 */
export function PageHead({
  title,
  fullTitle,
  description,
  canonical,
  noindex,
  image,
  type = "website",
  structuredData,
}: Head) {
  const absolute = useAbsoluteUrl();
  const documentTitle = fullTitle || (title === SHOP_NAME ? title : `${title} · ${SHOP_NAME}`);
  const text = description?.trim() || SHOP_DESCRIPTION;
  const url = canonical === undefined || noindex ? null : absolute(canonical);
  const picture = image ? absolute(image.url) : null;
  return (
    <>
      <title>{documentTitle}</title>
      <meta name="description" content={text} />
      {url && <link rel="canonical" href={url} />}
      {noindex && <meta name="robots" content="noindex, follow" />}
      <meta property="og:site_name" content={SHOP_NAME} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={text} />
      {url && <meta property="og:url" content={url} />}
      {picture && image && (
        <>
          <meta property="og:image" content={picture} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          <meta property="og:image:alt" content={image.alt} />
        </>
      )}
      <meta name="twitter:card" content={picture ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={text} />
      {picture && <meta name="twitter:image" content={picture} />}
      {structuredData?.map((block, index) => (
        <script key={index} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(block) }} />
      ))}
    </>
  );
}
