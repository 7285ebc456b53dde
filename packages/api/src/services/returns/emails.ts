import type { ReturnStatus } from "@shop/db";
import type { Email } from "../email/templates.ts";

const lines: Record<ReturnStatus, (number: number, note: string | null) => string[]> = {
  REQUESTED: (n) => [
    `We have your request to return items from order #${n}.`,
    "We will look at it and write to you shortly.",
  ],
  APPROVED: (n) => [
    `Your return for order #${n} is approved.`,
    "Please pack the items and send them back to us; we refund you once they arrive.",
  ],
  REJECTED: (n, note) => [`We cannot accept the return for order #${n}.`, ...(note ? [`Why: ${note}`] : [])],
  RECEIVED: (n) => [`The items you returned from order #${n} have arrived. Your refund comes next.`],
  REFUNDED: (n) => [`Your return for order #${n} is complete and refunded.`],
};

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The shopper's email for one step of a return. */
export function returnEmail(step: ReturnStatus, order: { number: number }, note: string | null, url: string): Email {
  const paragraphs = [...lines[step](order.number, note), `Your order: ${url}`];
  return {
    subject: `Return for order #${order.number}: ${step.toLowerCase()}`,
    text: paragraphs.join("\n\n"),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs
      .map((p) => `<p>${escape(p)}</p>`)
      .join("")}</body></html>`,
  };
}
