import { Button, TextField } from "@shop/ui";
import { GRANULARITIES, RANGE_PRESETS, type Granularity, type RangePreset } from "@shop/validators";
import { useState, type FormEvent } from "react";
import { presetLabels, type RangeParams } from "../lib/report-range.ts";

const selectClass = "mt-1 block min-h-10 w-full rounded-md border border-line bg-surface px-3";
const isPreset = (value: string): value is RangePreset => RANGE_PRESETS.some((preset) => preset === value);
const isGranularity = (value: string): value is Granularity => GRANULARITIES.some((g) => g === value);
const granularityLabels: Record<Granularity, string> = { day: "Day", week: "Week", month: "Month" };

/**
 * Preset ranges apply at once; a custom range applies with its button. Days are the shop's
 * local days (the server resolves presets in the shop's time zone).
 */
export function RangePicker({
  value,
  onChange,
  showGranularity = true,
}: {
  value: RangeParams;
  onChange: (next: RangeParams) => void;
  showGranularity?: boolean;
}) {
  const [preset, setPreset] = useState<RangePreset>(value.preset);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get("from") ?? "");
    const to = String(data.get("to") ?? "");
    if (!from || !to) return setError("Choose both days");
    if (from > to) return setError("The last day must not be before the first");
    setError(undefined);
    onChange({ ...value, preset: "custom", from, to });
  }

  return (
    <form aria-label="Report period" noValidate onSubmit={submit} className="mb-6 flex flex-wrap items-end gap-3">
      <div className="w-full text-sm sm:w-48">
        <label htmlFor="range-preset" className="block font-medium">
          Date range
        </label>
        <select
          id="range-preset"
          value={preset}
          className={selectClass}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (!isPreset(next)) return;
            setPreset(next);
            if (next !== "custom")
              onChange({ preset: next, granularity: next === "12m" ? "month" : value.granularity });
          }}
        >
          {RANGE_PRESETS.map((option) => (
            <option key={option} value={option}>
              {presetLabels[option]}
            </option>
          ))}
        </select>
      </div>
      {preset === "custom" && (
        <>
          <TextField label="From" name="from" type="date" defaultValue={value.from ?? ""} className="w-full sm:w-44" />
          <TextField
            label="To"
            name="to"
            type="date"
            defaultValue={value.to ?? ""}
            error={error}
            className="w-full sm:w-44"
          />
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </>
      )}
      {showGranularity && (
        <div className="w-full text-sm sm:w-32">
          <label htmlFor="range-granularity" className="block font-medium">
            Group by
          </label>
          <select
            id="range-granularity"
            value={value.granularity}
            className={selectClass}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isGranularity(next)) onChange({ ...value, granularity: next });
            }}
          >
            {GRANULARITIES.map((option) => (
              <option key={option} value={option}>
                {granularityLabels[option]}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
