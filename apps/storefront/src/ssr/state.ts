import type { DehydratedState } from "@tanstack/react-query";
import superjson from "superjson";
import { z } from "zod";

// What a server-rendered page hands to the browser, in a JSON block (not a script the browser runs:
// the shop's Content-Security-Policy allows no inline scripts): the query cache the page was
// rendered from, the router's loader results and errors, the locale and origin it was rendered
// with, and the assets it links (the hydrating <Document> renders them again).

export const STATE_ELEMENT_ID = "shop-state";

const Assets = z.object({ entry: z.string(), styles: z.array(z.string()), preloads: z.array(z.string()) });
export type PageAssets = z.infer<typeof Assets>;

const Dehydrated = z.custom<DehydratedState>(
  (value) => typeof value === "object" && value !== null && "queries" in value && Array.isArray(value.queries),
);

const PageState = z.object({
  origin: z.string(),
  locale: z.string(),
  assets: Assets,
  queries: Dehydrated,
  /** React Router's hydration data (loaderData, actionData, errors), serialised as its StaticRouterProvider does. */
  router: z.record(z.string(), z.unknown()),
});
export type PageState = z.infer<typeof PageState>;

/** superjson keeps what JSON would lose (a review's Date); `<` is escaped so no text can close the element. */
export const serializeState = (state: PageState) => superjson.stringify(state).replaceAll("<", "\\u003c");

/** The state of the page being hydrated and its text, or null in a client-only build (no server render). */
export function readState(): { state: PageState; text: string } | null {
  const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  return { state: PageState.parse(superjson.parse(text)), text };
}
