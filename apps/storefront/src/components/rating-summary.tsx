import { formatCountOf } from "@shop/ui";
import type { RouterOutputs } from "@shop/api";
import type { ReactNode } from "react";
import { Stars } from "./stars.tsx";

type Rating = RouterOutputs["catalog"]["get"]["rating"];

/** The reviews section: the summary and distribution, then whatever the page puts below. */
export function RatingSummary({ rating, children }: { rating: Rating; children?: ReactNode }) {
  const stars = [5, 4, 3, 2, 1] as const;
  return (
    <section id="reviews" aria-labelledby="reviews-title" className="mt-12 border-t border-line pt-8">
      <h2 id="reviews-title" className="mb-4 text-xl font-bold">
        Reviews
      </h2>
      {rating.count === 0 ? (
        <p className="text-sm text-muted">No reviews yet.</p>
      ) : (
        <div className="grid max-w-xl gap-6 sm:grid-cols-[auto_1fr]">
          <div>
            <p className="text-4xl font-bold">{rating.average.toFixed(1)}</p>
            <Stars average={rating.average} size="lg" />
            <p className="text-sm text-muted">{formatCountOf(rating.count, "review")}</p>
          </div>
          <ul className="flex flex-col gap-1 text-sm" aria-label="Rating distribution">
            {stars.map((star) => {
              const count = rating.distribution[star];
              return (
                <li key={star} className="flex items-center gap-2">
                  <span className="w-12">{formatCountOf(star, "star")}</span>
                  <span className="h-2 flex-1 overflow-hidden rounded bg-subtle" aria-hidden="true">
                    <span className="block h-full bg-amber-500" style={{ width: `${(count / rating.count) * 100}%` }} />
                  </span>
                  <span className="w-10 text-right tabular-nums text-muted">{count}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {children}
    </section>
  );
}
