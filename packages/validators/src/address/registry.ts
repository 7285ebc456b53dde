import type { CountryRules } from "./rules.ts";

/**
 * The address rules this process knows. The server reads every country from the library
 * (`@shop/validators/address-library`); a browser remembers each country the API sent it.
 * `AddressSchema` checks an address against its country's rules when they are known here, so one
 * schema serves the API and the forms.
 */
const known = new Map<string, CountryRules | null>();
let loader: ((code: string) => CountryRules | null) | null = null;

/** Where rules come from when asked for a country not seen yet (null: no such country). */
export function setAddressRulesLoader(load: (code: string) => CountryRules | null) {
  loader = load;
}

export function rememberAddressRules(rules: CountryRules) {
  known.set(rules.code, rules);
}

/** The rules of a country; null if there is no such country, undefined if not known here. */
export function knownAddressRules(code: string): CountryRules | null | undefined {
  const upper = code.toUpperCase();
  if (known.has(upper)) return known.get(upper);
  if (!loader) return undefined;
  const rules = /^[A-Z]{2}$/.test(upper) ? loader(upper) : null;
  known.set(upper, rules);
  return rules;
}
