/** How many minor units make a major one in `currency` (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Reads an amount typed in major units ("12", "12.5", "1,234.56") as integer minor units.
 * Empty text is null; anything else that is not a non-negative amount with at most the
 * currency's decimals is NaN, which the API's schemas then reject with their own message.
 */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, "");
  if (cleaned === "") return null;
  const digits = currencyDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2]?.length ?? 0) > digits) return Number.NaN;
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(match[1]) * 10 ** digits + (fraction ? Number(fraction) : 0);
}

/** Minor units as the plain text a money field starts with ("12.50"), no symbol or grouping. */
export function moneyText(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return "";
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
