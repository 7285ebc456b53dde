type ParamsState = readonly [URLSearchParams, (next: URLSearchParams) => void];
type Value = string | number | boolean | null | undefined;

/** The value of `raw` if it is one of `options`. */
export const oneOf = <T extends string>(options: readonly T[], raw: string | null): T | undefined =>
  options.find((option) => option === raw);

/** `params` with `changes` applied: empty, false or missing values remove their key. */
export function mergeParams(params: URLSearchParams, changes: Record<string, Value>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === "" || value === false) next.delete(key);
    else next.set(key, value === true ? "1" : String(value));
  }
  return next;
}

/**
 * A list's filters live in the URL, so a filtered list can be linked to, reloaded and gone back to.
 * Pass the router's `useSearchParams()` pair.
 */
export function listParams([params, setParams]: ParamsState) {
  return {
    params,
    text: (key: string) => params.get(key) ?? "",
    id: (key: string) => Number(params.get(key)) || undefined,
    flag: (key: string) => params.get(key) === "1" || undefined,
    oneOf: <T extends string>(key: string, options: readonly T[]) => oneOf(options, params.get(key)),
    set: (changes: Record<string, Value>) => setParams(mergeParams(params, changes)),
  };
}
