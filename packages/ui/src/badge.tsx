import type { HTMLAttributes } from "react";

export type BadgeTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger";

// Text and background pairs that keep WCAG AA contrast in the light and dark themes.
const tones: Record<BadgeTone, string> = {
  neutral: "bg-subtle text-ink",
  info: "bg-brand-50 text-brand-700",
  progress: "bg-violet-50 text-violet-900",
  success: "bg-green-50 text-green-800",
  warning: "bg-amber-50 text-amber-900",
  danger: "bg-red-50 text-red-800",
};

/** A short status in a coloured pill ("Paid", "Shipped"); the words carry the meaning, the colour helps. */
export function Badge({
  tone = "neutral",
  className = "",
  ...props
}: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]} ${className}`}
      {...props}
    />
  );
}
