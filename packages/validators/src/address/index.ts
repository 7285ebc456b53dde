export { addressProblems, matchRegion, postalCodeMatches, type AddressProblem } from "./check.ts";
export { countryName, formatAddress, type PrintableAddress } from "./format.ts";
export { knownAddressRules, rememberAddressRules, setAddressRulesLoader } from "./registry.ts";
export { layoutOf, rulesFromLibrary, type AddressFieldName, type CountryRules, type Region } from "./rules.ts";
