/** Minor units to a display string, for messages the server writes (emails, reasons). */
export function formatMinor(minor: number, currency: string, locale = "en-US"): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}

/** Minor units as a plain decimal in the major unit ("12.05"), as CSV files carry money; null stays empty. */
export const minorToDecimal = (minor: number | null) =>
  minor === null ? "" : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
