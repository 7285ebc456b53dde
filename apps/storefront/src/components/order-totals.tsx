import { formatMoney } from "@shop/ui";

type Totals = {
  subtotal: number;
  discount: number;
  shipping?: number | null;
  tax?: number | null;
  total: number;
  refunded?: number;
};

/** The money summary used by the cart, checkout and order pages. */
export function OrderTotals({
  totals,
  currency,
  couponCode,
}: {
  totals: Totals;
  currency: string;
  couponCode?: string | null;
}) {
  const row = (label: string, value: string, strong = false) => (
    <div
      className={`flex justify-between py-1 ${strong ? "border-t border-line pt-2 text-base font-semibold" : "text-sm"}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
  return (
    <dl aria-label="Order totals">
      {row("Subtotal", formatMoney(totals.subtotal, currency))}
      {totals.discount > 0 &&
        row(couponCode ? `Discount (${couponCode})` : "Discount", `−${formatMoney(totals.discount, currency)}`)}
      {totals.shipping != null &&
        row("Shipping", totals.shipping === 0 ? "Free" : formatMoney(totals.shipping, currency))}
      {totals.tax != null && row("Tax", formatMoney(totals.tax, currency))}
      {row(
        totals.shipping == null ? "Total before shipping and tax" : "Total",
        formatMoney(totals.total, currency),
        true,
      )}
      {totals.refunded ? row("Refunded", `−${formatMoney(totals.refunded, currency)}`) : null}
    </dl>
  );
}
