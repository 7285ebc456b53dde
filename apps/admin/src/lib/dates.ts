/** A yyyy-mm-dd date as local midnight, `days` later; undefined when it is not such a date. */
export function localDay(text: string | null, days = 0): Date | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
