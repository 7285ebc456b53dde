/** Out of stock, low (at or below the threshold, as the server's low-stock list counts it) or in stock. */
export function StockBadge({ available, threshold }: { available: number; threshold: number }) {
  if (available <= 0)
    return <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Out of stock</span>;
  if (available <= threshold)
    return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Low</span>;
  return <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">In stock</span>;
}
