import { plainErrorMessage, useTRPC } from "@shop/client";
import { ErrorState, Skeleton } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { AdjustForm } from "./adjust-form.tsx";
import { History } from "./history.tsx";
import { StockBadge } from "./stock-badge.tsx";
import { ThresholdForm } from "./threshold-form.tsx";

/** One variant's stock: levels, adjust, threshold and its movement history. */
export function VariantStockPage() {
  const trpc = useTRPC();
  const variantId = Number(useParams().variantId);
  const stock = useQuery({
    ...trpc.admin.inventory.get.queryOptions({ variantId }),
    enabled: Number.isInteger(variantId) && variantId > 0,
  });
  if (stock.isError) return <ErrorState title="Variant not found" message={plainErrorMessage(stock.error)} />;
  if (!stock.data) return <Skeleton className="h-96 w-full" />;
  const row = stock.data;
  const levels = [
    { label: "On hand", value: row.stockOnHand, testId: "level-on-hand" },
    { label: "Reserved", value: row.reserved, testId: "level-reserved" },
    { label: "Available", value: row.available, testId: "level-available" },
  ];

  return (
    <section aria-labelledby="variant-title" className="flex max-w-5xl flex-col gap-6">
      <div>
        <Link to="/inventory" className="text-sm text-brand-700 underline">
          ← Inventory
        </Link>
        <h1 id="variant-title" className="mt-2 text-2xl font-bold">
          <span className="font-mono">{row.sku}</span>{" "}
          <StockBadge available={row.available} threshold={row.threshold} />
        </h1>
        <p className="text-sm text-muted">
          <Link to={`/products/${row.productId}`} className="underline">
            {row.productName}
          </Link>
          {row.title && ` · ${row.title}`}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-3 sm:max-w-lg" aria-live="polite">
        {levels.map((level) => (
          <div key={level.label} className="rounded-lg border border-line p-3">
            <dt className="text-xs uppercase text-muted">{level.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={level.testId}>
              {level.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <AdjustForm key={row.id} stock={row} />
        <ThresholdForm key={row.id} stock={row} />
      </div>
      <History variantId={row.id} />
    </section>
  );
}
