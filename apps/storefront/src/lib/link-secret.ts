import { useLocation, useSearchParams } from "react-router";

/**
 * A secret from an emailed link (reset, sign-up, order key). Links carry it in the fragment,
 * which browsers never send to a server, put in a Referer or let reach access logs; links sent
 * before that carried it in the query string, and still work.
 */
export function useLinkSecret(name: string): string | null {
  const { hash } = useLocation();
  const [params] = useSearchParams();
  return new URLSearchParams(hash.slice(1)).get(name) ?? params.get(name);
}
