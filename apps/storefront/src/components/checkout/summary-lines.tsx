import { formatCountOf, formatMoney, ResponsiveImage, type ImageSources } from "@shop/ui";

export type SummaryLine = {
  id: number;
  name: string;
  /** The chosen options ("Black / 128 GB"). */
  variantTitle: string | null;
  quantity: number;
  image: (ImageSources & { alt?: string }) | null;
  total: number;
};

/** What is being bought, as the checkout and payment pages list it beside the totals. */
export function SummaryLines({ lines, currency }: { lines: readonly SummaryLine[]; currency: string }) {
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <div>
      <h3 className="sr-only">Items</h3>
      <p className="text-sm text-muted">{formatCountOf(count, "item")}</p>
      <ul className="divide-y divide-line" data-testid="summary-lines">
        {lines.map((line) => (
          <li key={line.id} className="flex items-center gap-3 py-3 text-sm" data-testid="summary-line">
            <span className="relative shrink-0">
              {line.image ? (
                <ResponsiveImage
                  image={line.image}
                  alt=""
                  sizes="56px"
                  loading="lazy"
                  className="size-14 rounded-md border border-line bg-subtle object-cover"
                />
              ) : (
                <span className="block size-14 rounded-md bg-subtle" />
              )}
              <span
                aria-hidden="true"
                className="absolute -top-2 -right-2 flex size-5 items-center justify-center rounded-full bg-ink text-xs text-surface"
              >
                {line.quantity}
              </span>
            </span>
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{line.name}</span>
              {line.variantTitle && <span className="block text-muted">{line.variantTitle}</span>}
              <span className="block text-muted">Quantity {line.quantity}</span>
            </span>
            <span className="tabular-nums">{formatMoney(line.total, currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
