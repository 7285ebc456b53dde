import { displayLocale } from "./locale.ts";

// Building an Intl.NumberFormat costs far more than using one (a server renders hundreds of
// prices a second): one per locale and currency, with its number of decimals.
const formatters = new Map<string, { format: Intl.NumberFormat; digits: number }>();

/** Formats integer minor units (cents) for the shopper's locale (the display locale by default). */
export function formatMoney(minor: number, currency: string, locale = displayLocale()): string {
  const key = `${locale ?? ""}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatter = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(key, formatter);
  }
  return formatter.format.format(minor / 10 ** formatter.digits);
}

const minorDigits = new Map<string, number>();

/** How many decimals a currency's minor unit has (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigits.set(currency, digits);
  }
  return digits;
}
