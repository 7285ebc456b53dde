import { z } from "zod";

// Reports speak in local days of the shop's time zone ("2026-03-01"), never in instants: the
// server turns a day into the right instants with AT TIME ZONE.
const isRealDay = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01")
  .refine(isRealDay, "Not a real date");

export const RANGE_PRESETS = ["7d", "30d", "90d", "12m", "custom"] as const;
export const RangePresetSchema = z.enum(RANGE_PRESETS);
export type RangePreset = z.infer<typeof RangePresetSchema>;

export const GRANULARITIES = ["day", "week", "month"] as const;
export const GranularitySchema = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof GranularitySchema>;

/** The longest range a report covers (a previous period of the same length is read too). */
export const MAX_RANGE_DAYS = 731;

const rangeFields = {
  preset: RangePresetSchema.default("30d"),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  granularity: GranularitySchema.default("day"),
};

type RangeFields = { preset: RangePreset; from?: string | undefined; to?: string | undefined };
function checkRange(range: RangeFields, ctx: z.RefinementCtx) {
  if (range.preset !== "custom") return;
  if (!range.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day" });
  if (!range.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day" });
  if (!range.from || !range.to) return;
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must not be before the first" });
  if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose at most two years" });
}

export const DashboardInputSchema = z.object(rangeFields).strict().superRefine(checkRange);
export type DashboardInput = z.input<typeof DashboardInputSchema>;

export const REPORT_KINDS = [
  "sales",
  "products",
  "categories",
  "brands",
  "customers",
  "tax",
  "refunds",
  "returns",
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const ReportInputSchema = z
  .object({
    ...rangeFields,
    report: ReportKindSchema,
    /** A column key of the report; the server refuses others. */
    sort: z
      .string()
      .regex(/^[a-zA-Z]{1,40}$/)
      .optional(),
    direction: z.enum(["asc", "desc"]).default("desc"),
  })
  .strict()
  .superRefine(checkRange);
export type ReportInput = z.input<typeof ReportInputSchema>;
