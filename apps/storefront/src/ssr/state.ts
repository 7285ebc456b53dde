import type { DehydratedState } from "@tanstack/react-query";
import superjson from "superjson";

// What a server-rendered page hands to the browser, in a JSON block (not a script the browser runs:
// the shop's Content-Security-Policy allows no inline scripts): the query cache the page was
// rendered from, the router's loader results and errors, the locale and origin it was rendered
// with, and the assets it links (the hydrating <Document> renders them again).

export const STATE_ELEMENT_ID = "shop-state";

export type PageAssets = { entry: string; styles: string[]; preloads: string[] };

export type PageState = {
  origin: string;
  locale: string;
  assets: PageAssets;
  queries: DehydratedState;
  /** React Router's hydration data (loaderData, actionData, errors), serialised as its StaticRouterProvider does. */
  router: Record<string, unknown>;
};

// Checked by hand rather than with zod, which would add tens of kilobytes to the entry chunk.
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isAssets = (value: unknown): value is PageAssets =>
  isObject(value) && typeof value.entry === "string" && isStrings(value.styles) && isStrings(value.preloads);
const isDehydrated = (value: unknown): value is DehydratedState =>
  isObject(value) && Array.isArray(value.queries) && Array.isArray(value.mutations);

function isPageState(value: unknown): value is PageState {
  return (
    isObject(value) &&
    typeof value.origin === "string" &&
    typeof value.locale === "string" &&
    isAssets(value.assets) &&
    isDehydrated(value.queries) &&
    isObject(value.router)
  );
}

/** superjson keeps what JSON would lose (a review's Date); `<` is escaped so no text can close the element. */
export const serializeState = (state: PageState) => superjson.stringify(state).replaceAll("<", "\\u003c");

/** The state of the page being hydrated and its text, or null in a client-only build (no server render). */
export function readState(): { state: PageState; text: string } | null {
  const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  const state: unknown = superjson.parse(text);
  if (!isPageState(state)) throw new Error(`#${STATE_ELEMENT_ID} does not hold a page state`);
  return { state, text };
}
