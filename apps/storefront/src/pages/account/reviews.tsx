import { useTRPC } from "@shop/client";
import { EmptyState, ErrorState, Skeleton } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "../../components/link.tsx";

const status = { PUBLISHED: "Published", PENDING: "Waiting for approval", HIDDEN: "Hidden by the shop" } as const;

export function MyReviewsPage() {
  const trpc = useTRPC();
  const reviews = useQuery(trpc.reviews.mine.queryOptions());
  if (reviews.isPending) return <Skeleton className="h-48 w-full" />;
  if (reviews.isError)
    return <ErrorState message="Could not load your reviews." onRetry={() => void reviews.refetch()} />;
  if (reviews.data.length === 0) return <EmptyState title="You have not written any reviews yet" />;
  return (
    <ul className="space-y-4">
      {reviews.data.map((review) => (
        <li key={review.id} className="rounded-lg border border-line p-4" data-testid="my-review">
          <p className="text-sm text-muted">
            <Link to={`/p/${review.product.slug}#reviews`} className="font-medium text-brand-700 underline">
              {review.product.name}
            </Link>{" "}
            · {status[review.status]}
          </p>
          <p className="mt-1">
            <span aria-hidden="true" className="text-amber-500">
              {"★".repeat(review.rating)}
            </span>
            <span className="sr-only">{review.rating} out of 5 stars</span> <strong>{review.title}</strong>
          </p>
          <p className="mt-1 whitespace-pre-line text-sm">{review.body}</p>
        </li>
      ))}
    </ul>
  );
}
