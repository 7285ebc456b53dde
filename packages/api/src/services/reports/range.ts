import type { RangePreset } from "@shop/validators";

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => toDay(parse(day) + days * DAY);

export type ResolvedRange = { from: string; to: string; previousFrom: string; previousTo: string; days: number };

/**
 * A preset or custom range of local days (both ends included) and the period of the same
 * length just before it, which the dashboard compares against. "12m" ends today and starts the
 * day after the same date a year ago.
 */
export function resolveRange(
  input: { preset: RangePreset; from?: string | undefined; to?: string | undefined },
  today: string,
): ResolvedRange {
  let from: string;
  let to = today;
  if (input.preset === "custom" && input.from && input.to) {
    from = input.from;
    to = input.to;
  } else if (input.preset === "12m") {
    const date = new Date(parse(today));
    date.setUTCFullYear(date.getUTCFullYear() - 1);
    from = addDays(toDay(date.getTime()), 1);
  } else {
    const length = input.preset === "7d" ? 7 : input.preset === "90d" ? 90 : 30;
    from = addDays(today, 1 - length);
  }
  const days = Math.round((parse(to) - parse(from)) / DAY) + 1;
  return { from, to, previousFrom: addDays(from, -days), previousTo: addDays(from, -1), days };
}
