// Plain-text emails with a light HTML twin. User-provided values are escaped in the HTML.

export type Email = { subject: string; text: string; html: string };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  const button = action ? `<p><a href="${escape(action.url)}">${escape(action.label)}</a></p>` : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}${button}</body></html>`;
}

export function passwordResetEmail(input: { name: string; url: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "Someone asked to reset the password of your Shop account. If it was you, open the link below within one hour to choose a new password. It works once.",
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ];
  return {
    subject: "Reset your Shop password",
    text: `${lines.join("\n\n")}\n\n${input.url}\n`,
    html: layout(lines, { label: "Choose a new password", url: input.url }),
  };
}

export function emailChangedEmail(input: { name: string; newEmail: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    `The email address of your Shop account was changed to ${input.newEmail}.`,
    "If you did not do this, reset your password at once and contact us.",
  ];
  return { subject: "Your Shop email address was changed", text: lines.join("\n\n"), html: layout(lines) };
}

export function passwordChangedEmail(input: { name: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "The password of your Shop account was changed, and your other devices were signed out.",
    "If you did not do this, reset your password at once and contact us.",
  ];
  return { subject: "Your Shop password was changed", text: lines.join("\n\n"), html: layout(lines) };
}

export function lowStockEmail(variants: ReadonlyArray<{ sku: string; productName: string; title: string; available: number; productId: number }>, publicUrl: string): Email {
  const lines = variants.map((v) => `${v.productName}${v.title ? ` (${v.title})` : ""}, SKU ${v.sku}: ${v.available} left`);
  const intro = variants.length === 1 ? "This variant is running low:" : `These ${variants.length} variants are running low:`;
  const url = `${publicUrl}/admin/products/${variants[0]?.productId ?? ""}`;
  return {
    subject: variants.length === 1 ? `Low stock: ${variants[0]?.sku ?? ""}` : `Low stock: ${variants.length} variants`,
    text: `${intro}\n\n${lines.join("\n")}\n\n${url}\n`,
    html: layout([intro, ...lines], { label: "Open in the admin", url }),
  };
}
