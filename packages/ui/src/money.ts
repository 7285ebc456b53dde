import { displayLocale } from "./locale.ts";

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units (cents) for the shopper's locale (the display locale by default). */
export function formatMoney(minor: number, currency: string, locale = displayLocale()): string {
  const key = `${locale ?? ""}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}
