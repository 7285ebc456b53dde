import type { CountryRules } from "./rules.ts";

export type PrintableAddress = {
  fullName: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
};

/** For a country whose rules are not loaded yet: the most common order. */
const fallbackFormat = "%N%n%O%n%A%n%C %S %Z";

export function countryName(code: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The address as its country prints it, one string per line, then the country's name:
 * "San Francisco, CA 94103" in the US, the post town then the postcode in the UK.
 */
export function formatAddress(address: PrintableAddress, rules?: Pick<CountryRules, "format" | "name">): string[] {
  const values: Record<string, string> = {
    N: address.fullName,
    O: address.company ?? "",
    A: [address.line1, address.line2].filter(Boolean).join("%n"),
    C: address.city,
    S: address.region ?? "",
    Z: address.postalCode,
  };
  const filled = (rules?.format ?? fallbackFormat).replace(/%([A-Z])/g, (_, token: string) => values[token] ?? "");
  const lines = filled
    .split("%n")
    .map((line) =>
      line
        .replace(/\s{2,}/g, " ")
        .replace(/\s+,/g, ",")
        .replace(/,(\s*,)+/g, ",")
        .replace(/^[\s,]+|[\s,]+$/g, ""),
    )
    .filter(Boolean);
  return [...lines, rules?.name ?? countryName(address.country)];
}
