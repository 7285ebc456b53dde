import { useSyncExternalStore } from "react";
import { useLocation } from "react-router";

const never = () => () => undefined;

/**
 * False while the server renders and while the browser hydrates that HTML, true after: values
 * only the browser has (a URL's fragment, session storage) must not differ from the server's
 * render during hydration, or React keeps the server's attributes (a disabled button stays so).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/**
 * A secret from an emailed link (reset, sign-up, order key). Links carry it in the fragment,
 * which browsers never send to a server, put in a Referer or let reach access logs; links sent
 * before that carried it in the query string, and still work. Null until the page is hydrated.
 */
export function useLinkSecret(name: string): string | null {
  const { hash, search } = useLocation();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return new URLSearchParams(hash.slice(1)).get(name) ?? new URLSearchParams(search).get(name);
}
