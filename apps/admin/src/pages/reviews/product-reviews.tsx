import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";
import { ReviewTable } from "./review-table.tsx";

/** On a product's admin page: its rating summary and all its reviews. */
export function ProductReviews({ productId }: { productId: number }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.admin.reviews.summary.queryOptions({ productId }));
  const s = summary.data;
  return (
    <section aria-labelledby="product-reviews-title" className="mt-10 max-w-4xl space-y-4">
      <h2 id="product-reviews-title" className="text-xl font-semibold">
        Rating and reviews
      </h2>
      {s && (
        <p className="text-sm" data-testid="rating-summary">
          {s.count === 0
            ? "No published reviews."
            : `${s.average.toFixed(1)} out of 5 from ${s.count} published reviews (5★ ${s.star5} · 4★ ${s.star4} · 3★ ${s.star3} · 2★ ${s.star2} · 1★ ${s.star1})`}
        </p>
      )}
      <ReviewTable filter={{ productId }} showProduct={false} />
    </section>
  );
}
