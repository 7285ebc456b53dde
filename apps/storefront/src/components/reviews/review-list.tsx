import { useTRPC } from "@shop/client";
import { Button, formatCountOf, formatDay, Skeleton } from "@shop/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { reviewsQuery, type ReviewSort } from "../../lib/queries.ts";
import { useMe } from "../../lib/session.ts";

type Sort = ReviewSort;
const sorts: Array<[Sort, string]> = [
  ["newest", "Newest"],
  ["helpful", "Most helpful"],
  ["highest", "Highest rating"],
  ["lowest", "Lowest rating"],
];

/** Published reviews with sort, star filter, "load more" and helpful votes. Text is shown as text. */
export function ReviewList({
  productId,
  rating,
  onRating,
}: {
  productId: number;
  rating?: number;
  onRating: (rating?: number) => void;
}) {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<Sort>("newest");
  const reviews = useInfiniteQuery(reviewsQuery({ trpc }, productId, sort, rating));
  const helpful = useMutation(
    trpc.reviews.markHelpful.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reviews.list.pathKey() }),
    }),
  );
  const rows = reviews.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          Sort by{" "}
          <select
            value={sort}
            onChange={(event) => setSort(sorts.find(([value]) => value === event.target.value)?.[0] ?? "newest")}
            className="ml-1 min-h-10 rounded-md border border-line px-2"
          >
            {sorts.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{" "}
          <select
            value={rating ?? ""}
            onChange={(event) => onRating(event.target.value ? Number(event.target.value) : undefined)}
            className="ml-1 min-h-10 rounded-md border border-line px-2"
          >
            <option value="">All ratings</option>
            {[5, 4, 3, 2, 1].map((star) => (
              <option key={star} value={star}>
                {star} stars
              </option>
            ))}
          </select>
        </label>
      </div>
      {reviews.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted">No reviews match.</p>
      ) : (
        <ul className="divide-y divide-line">
          {rows.map((review) => (
            <li key={review.id} className="py-4" data-testid="review">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span aria-hidden="true" className="text-amber-500">
                  {"★".repeat(review.rating)}
                  <span className="text-line">{"★".repeat(5 - review.rating)}</span>
                </span>
                <span className="sr-only">{review.rating} out of 5 stars</span>
                <strong>{review.title}</strong>
              </p>
              <p className="mt-1 text-xs text-muted">
                {review.author} · {formatDay(review.createdAt)}
                {review.verifiedPurchase && (
                  <span className="ml-2 font-medium text-green-800">✓ Verified purchase</span>
                )}
              </p>
              <p className="mt-2 whitespace-pre-line text-sm">{review.body}</p>
              <p className="mt-2 text-xs text-muted">
                {formatCountOf(review.helpfulCount, "person", "people")} found this helpful
                {!review.mine && (
                  <Button
                    variant="ghost"
                    className="ml-2 min-h-8 px-2 text-xs"
                    disabled={review.votedHelpful}
                    onClick={() =>
                      me.data
                        ? helpful.mutate({ id: review.id })
                        : void navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`)
                    }
                  >
                    {review.votedHelpful ? "Thanks for your vote" : "Helpful"}
                  </Button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {reviews.hasNextPage && (
        <Button variant="secondary" onClick={() => void reviews.fetchNextPage()} disabled={reviews.isFetchingNextPage}>
          More reviews
        </Button>
      )}
    </div>
  );
}
