import { formatMinor } from "../../lib/money.ts";
import type { Email } from "./templates.ts";

type OrderSummary = {
  number: number;
  currency: string;
  total: number;
  items: Array<{ productName: string; variantTitle: string; quantity: number; total: number }>;
};

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function render(paragraphs: string[], order: OrderSummary, url: string): Email & { subject: string } {
  const lines = order.items.map(
    (item) =>
      `${item.quantity} × ${item.productName}${item.variantTitle ? ` (${item.variantTitle})` : ""}: ${formatMinor(item.total, order.currency)}`,
  );
  const text = [
    ...paragraphs,
    lines.join("\n"),
    `Total: ${formatMinor(order.total, order.currency)}`,
    `Your order: ${url}`,
  ].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("")}<ul>${lines.map((l) => `<li>${escape(l)}</li>`).join("")}</ul><p><strong>Total: ${escape(formatMinor(order.total, order.currency))}</strong></p><p><a href="${escape(url)}">View your order</a></p></body></html>`;
  return { subject: "", text, html };
}

export const orderConfirmedEmail = (order: OrderSummary, url: string): Email => ({
  ...render(
    [`Thank you! We have received your payment for order #${order.number} and are getting it ready.`],
    order,
    url,
  ),
  subject: `Order #${order.number} confirmed`,
});

export const orderShippedEmail = (
  order: OrderSummary & { carrier: string; trackingNumber: string | null; trackingUrl?: string | null },
  url: string,
): Email => ({
  ...render(
    [
      `A parcel of your order #${order.number} is on its way with ${order.carrier}.`,
      ...(order.trackingNumber ? [`Tracking number: ${order.trackingNumber}`] : []),
      ...(order.trackingUrl ? [`Track it: ${order.trackingUrl}`] : []),
    ],
    order,
    url,
  ),
  subject: `Order #${order.number} has shipped`,
});

export const orderCancelledEmail = (order: OrderSummary, reason: string, url: string): Email => ({
  ...render(
    [`Your order #${order.number} was cancelled: ${reason}`, "If you paid, the money is on its way back to you."],
    order,
    url,
  ),
  subject: `Order #${order.number} cancelled`,
});

export const orderRefundedEmail = (order: OrderSummary, amount: number, url: string): Email => ({
  ...render(
    [
      `We have refunded ${formatMinor(amount, order.currency)} for order #${order.number}. It can take a few days to appear on your statement.`,
    ],
    order,
    url,
  ),
  subject: `Refund for order #${order.number}`,
});
