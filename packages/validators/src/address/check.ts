import type { AddressFieldName, CountryRules } from "./rules.ts";

export type AddressValues = Partial<Record<AddressFieldName, unknown>>;
export type AddressProblem = { field: AddressFieldName; message: string };

/** "ZIP code" stays as it is; "Postal code" reads "postal code" inside a sentence. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label);

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** The region as stored: a region's value, whichever of its value or name was typed. */
export function matchRegion(rules: CountryRules, value: string): string | null {
  const wanted = value.trim().toLowerCase();
  const region = rules.regions.find(
    (candidate) => candidate.value.toLowerCase() === wanted || candidate.label.toLowerCase() === wanted,
  );
  return region?.value ?? null;
}

export function postalCodeMatches(rules: CountryRules, value: string): boolean {
  return rules.postalPattern === null || new RegExp(`^(?:${rules.postalPattern})$`, "i").test(value.trim());
}

/** What is missing or wrong in an address for its country, one message per field. */
export function addressProblems(rules: CountryRules, address: AddressValues): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const label = (field: AddressFieldName) =>
    field === "city" || field === "region" || field === "postalCode" ? rules.labels[field] : "street address";
  for (const field of rules.required) {
    // The name and street are required everywhere, by AddressSchema itself.
    if (field === "fullName" || field === "line1" || text(address[field])) continue;
    const verb = field === "region" && rules.regions.length ? "Choose" : "Enter";
    problems.push({ field, message: `${verb} the ${inSentence(label(field))}` });
  }
  const postalCode = text(address.postalCode);
  if (postalCode && !postalCodeMatches(rules, postalCode)) {
    const example = rules.postalExample ? `: it looks like ${rules.postalExample}` : "";
    problems.push({ field: "postalCode", message: `Check the ${inSentence(rules.labels.postalCode)}${example}` });
  }
  const region = text(address.region);
  if (region && rules.regions.length && !matchRegion(rules, region))
    problems.push({ field: "region", message: `Choose the ${inSentence(rules.labels.region)} from the list` });
  return problems;
}
