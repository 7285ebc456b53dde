import type { ReactNode } from "react";
import { STATE_ELEMENT_ID, type PageAssets } from "./state.ts";

/**
 * The whole HTML document of a server-rendered page. React renders it on the server and hydrates
 * it in the browser; pages add their <title>, meta tags and canonical link, which React 19 places
 * in <head>. The page's state travels in a JSON block after the app.
 */
export function Document({ assets, state, children }: { assets: PageAssets; state: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {assets.preloads.map((href) => (
          <link key={href} rel="modulepreload" href={href} />
        ))}
      </head>
      <body>
        <div id="root">{children}</div>
        <script
          type="application/json"
          id={STATE_ELEMENT_ID}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: state }}
        />
      </body>
    </html>
  );
}
