import type { Email } from "./templates.ts";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

type LowVariant = { sku: string; title: string; productName: string; available: number; threshold: number };

export const LOW_STOCK_INTRO = "These variants fell to or below their low-stock threshold:";

/** To staff: variants that just fell to or below their low-stock threshold. */
export function lowStockEmail(variants: readonly LowVariant[]): Email {
  const lines = variants.map(
    (v) =>
      `${v.productName}${v.title ? ` (${v.title})` : ""}, SKU ${v.sku}: ${v.available} available (threshold ${v.threshold})`,
  );
  const subject =
    variants.length === 1 ? `Low stock: ${variants[0]?.sku ?? ""}` : `Low stock: ${variants.length} variants`;
  const intro = LOW_STOCK_INTRO;
  return {
    subject,
    text: `${intro}\n\n${lines.join("\n")}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5"><p>${intro}</p><ul>${lines.map((line) => `<li>${escape(line)}</li>`).join("")}</ul></body></html>`,
  };
}
