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

/**
 * The state in superjson's format, which the browser reads back with `superjson.parse`: superjson
 * keeps what JSON would lose (a review's Date, an infinite query's `undefined` first page param).
 * Written here rather than by `superjson.stringify`, whose walker copies every path and ancestor
 * list at every node (9 % of a rendered product page): this walk only notes where a Date or an
 * `undefined` sits, and the platform's JSON.stringify writes the rest. It refuses what it does not
 * carry (Map, Set, BigInt, class instances, NaN) rather than lose it. `<` is escaped so no text
 * can close the element.
 */
export function serializeState(state: PageState): string {
  const values: Record<string, [string]> = {};
  annotate(state, [], values);
  const payload = Object.keys(values).length > 0 ? { json: state, meta: { values, v: 1 } } : { json: state };
  return JSON.stringify(payload).replaceAll("<", "\\u003c");
}

/** superjson's path syntax: keys joined by dots, a dot or backslash in a key escaped. */
const escapeKey = (key: string) => (/[.\\]/.test(key) ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

function annotate(value: unknown, path: string[], values: Record<string, [string]>): void {
  if (value === undefined) {
    values[path.map(escapeKey).join(".")] = ["undefined"];
  } else if (value === null || typeof value === "string" || typeof value === "boolean") {
    // JSON carries these as they are.
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`page state: ${value} at ${path.join(".")} is not a finite number`);
  } else if (value instanceof Date) {
    values[path.map(escapeKey).join(".")] = ["Date"];
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(String(index));
      annotate(value[index], path, values);
      path.pop();
    }
  } else if (typeof value === "object" && isPlain(value)) {
    for (const key in value) {
      path.push(key);
      annotate(value[key], path, values);
      path.pop();
    }
  } else {
    throw new Error(`page state: cannot carry ${Object.prototype.toString.call(value)} at ${path.join(".")}`);
  }
}

function isPlain(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The state of the page being hydrated and its text, or null in a client-only build (no server render). */
export function readState(): { state: PageState; text: string } | null {
  const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  const state: unknown = superjson.parse(text);
  if (!isPageState(state)) throw new Error(`#${STATE_ELEMENT_ID} does not hold a page state`);
  return { state, text };
}
