import { formatMoney } from "./money.ts";

export function PriceRange({ min, max, currency }: { min: number; max: number; currency: string }) {
  if (min === max) return <span>{formatMoney(min, currency)}</span>;
  return (
    <span>
      <span className="sr-only">From </span>
      {formatMoney(min, currency)}
      <span aria-hidden="true"> – </span>
      <span className="sr-only"> to </span>
      {formatMoney(max, currency)}
    </span>
  );
}
