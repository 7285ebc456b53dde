import { AppError } from "../../../errors.ts";

/** What PayPal takes (its list of supported currencies); a shop in another currency is not offered PayPal. */
export const PAYPAL_CURRENCIES: ReadonlySet<string> = new Set(
  "AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD".split(" "),
);
/** PayPal refuses decimals in these, whatever ISO 4217 or Intl say (TWD has two in both). */
const WHOLE_ONLY = new Set(["HUF", "JPY", "TWD"]);

/** Digits after the point in the shop's minor units: ISO 4217's, as formatMoney uses them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units (the shop's integers) to PayPal's decimal string, exactly: 1999 USD → "19.99". */
export function toPaypalValue(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new AppError("BAD_INPUT", "An amount is a whole number of minor units");
  const digits = minorDigits(code);
  const whole = Math.floor(minor / 10 ** digits);
  const fraction = minor % 10 ** digits;
  if (WHOLE_ONLY.has(code)) {
    if (fraction !== 0) throw new AppError("BAD_INPUT", `PayPal takes whole amounts in ${code}`);
    return String(whole);
  }
  return digits === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, "0")}`;
}

/** PayPal's decimal string back to minor units, without floating point: "19.99" USD → 1999. */
export function fromPaypalValue(value: string, currency: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`PayPal sent an amount that is not a decimal: ${value}`);
  const digits = minorDigits(currency.toUpperCase());
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) throw new Error(`PayPal sent more decimals than ${currency} has: ${value}`);
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}
