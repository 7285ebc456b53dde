import { GRANULARITIES, RANGE_PRESETS, type Granularity, type RangePreset } from "@shop/validators";

export type RangeParams = { preset: RangePreset; from?: string; to?: string; granularity: Granularity };

const isPreset = (value: string | null): value is RangePreset => RANGE_PRESETS.some((preset) => preset === value);
const isGranularity = (value: string | null): value is Granularity => GRANULARITIES.some((g) => g === value);
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export const presetLabels: Record<RangePreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
  custom: "Custom range",
};

/** The dashboard's and reports' range from the URL (so a view can be shared); unknown values fall back. */
export function rangeFromParams(params: URLSearchParams): RangeParams {
  const presetParam = params.get("range");
  const preset = isPreset(presetParam) ? presetParam : "30d";
  const granularityParam = params.get("by");
  const granularity = isGranularity(granularityParam) ? granularityParam : preset === "12m" ? "month" : "day";
  const from = params.get("from");
  const to = params.get("to");
  if (preset === "custom" && isDay(from) && isDay(to)) return { preset, from, to, granularity };
  return { preset: preset === "custom" ? "30d" : preset, granularity };
}

export function rangeToParams(range: RangeParams, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of ["range", "by", "from", "to"]) next.delete(key);
  next.set("range", range.preset);
  next.set("by", range.granularity);
  if (range.preset === "custom" && range.from && range.to) {
    next.set("from", range.from);
    next.set("to", range.to);
  }
  return next;
}

/** Change against the previous period, as a rounded percentage; null when there is nothing to compare. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}
