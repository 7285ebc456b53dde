import { displayLocale } from "./locale.ts";

const counts = new Map<string, Intl.NumberFormat>();
const days = new Map<string, Intl.DateTimeFormat>();

/** A whole number in the reader's locale (1,234 or 1.234 or 1 234). */
export function formatCount(value: number): string {
  const locale = displayLocale();
  let formatter = counts.get(locale ?? "");
  if (!formatter) counts.set(locale ?? "", (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return formatter.format(value);
}

/**
 * A calendar day ("Mar 14, 2026"), in UTC so that a server-rendered page and the browser that
 * hydrates it agree whatever their time zones.
 */
export function formatDay(value: Date): string {
  const locale = displayLocale();
  let formatter = days.get(locale ?? "");
  if (!formatter)
    days.set(locale ?? "", (formatter = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })));
  return formatter.format(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A count with its noun: "1 product", "2 products", "1 star & up". The form is chosen by the
 * language's plural rules (Intl.PluralRules), not by `n === 1`; `other` defaults to `one` + "s".
 */
export function formatCountOf(count: number, one: string, other = `${one}s`): string {
  const locale = displayLocale();
  let rules = pluralRules.get(locale ?? "");
  if (!rules) pluralRules.set(locale ?? "", (rules = new Intl.PluralRules(locale)));
  // Whole numbers as formatCount writes them; a fraction ("1.5 minutes") keeps its decimals.
  const number = Number.isInteger(count) ? formatCount(count) : count.toLocaleString(locale);
  return `${number} ${rules.select(count) === "one" ? one : other}`;
}
