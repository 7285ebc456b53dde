/** A yyyy-mm-dd date as local midnight, `days` later; undefined when it is not such a date. */
export function localDay(text: string | null, days = 0): Date | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A chart period's start ("2026-03-09") as the reader's locale writes it: "Mar 9" for a day or
 * week, "Mar 2026" for a month. Read as UTC, the calendar day the server meant, in any time zone.
 */
export function periodLabel(start: string, granularity: "day" | "week" | "month", locale?: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  const parts: Intl.DateTimeFormatOptions =
    granularity === "month" ? { month: "short", year: "numeric" } : { month: "short", day: "numeric" };
  return new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" }).format(date);
}
