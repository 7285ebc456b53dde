import type { RouterInputs } from "@shop/api";
import { isClientError, useTRPC } from "@shop/client";
import { Button, EmptyState, FormMessage, InfiniteList, useToast } from "@shop/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ConfirmButton } from "../../components/confirm-button.tsx";

type Filter = Omit<RouterInputs["admin"]["reviews"]["list"], "cursor" | "direction">;
const status = { PENDING: "Waiting", PUBLISHED: "Published", HIDDEN: "Hidden" } as const;
const date = (value: Date) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(value);

/** Reviews with approve / hide / delete; used by the moderation page and a product's page. */
export function ReviewTable({ filter, showProduct = true }: { filter: Filter; showProduct?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reviews = useInfiniteQuery(
    trpc.admin.reviews.list.infiniteQueryOptions(
      { ...filter, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.reviews.pathKey() });
  const approve = useMutation(trpc.admin.reviews.approve.mutationOptions({ onSuccess: refresh }));
  const toast = useToast();
  // Hiding is the everyday moderation action, so it is undoable: a published review goes back up.
  const hide = useMutation(
    trpc.admin.reviews.hide.mutationOptions({
      onSuccess: async (_result, input) => {
        // Its status before hiding, read from the list as it was (the refresh replaces it).
        const hidden = reviews.data?.pages.flatMap((page) => page.items).find((review) => review.id === input.id);
        await refresh();
        if (hidden?.status === "PUBLISHED")
          toast(`Review “${hidden.title}” hidden.`, { label: "Undo", onClick: () => approve.mutate({ id: input.id }) });
        else toast("Review hidden.");
      },
    }),
  );
  const remove = useMutation(trpc.admin.reviews.delete.mutationOptions({ onSuccess: refresh }));
  const error = approve.error ?? hide.error ?? remove.error;
  return (
    <div className="space-y-3">
      {isClientError(error) && <FormMessage error={error.message} />}
      <InfiniteList query={reviews} noun="reviews" empty={<EmptyState title="No reviews here" />}>
        {(rows) => (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {rows.map((review) => (
              <li key={review.id} className="space-y-2 p-4" data-testid="admin-review">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span aria-hidden="true" className="text-amber-500">
                    {"★".repeat(review.rating)}
                  </span>
                  <span className="sr-only">{review.rating} out of 5 stars</span>
                  <strong>{review.title}</strong>
                  <span className="rounded bg-subtle px-2 py-0.5 text-xs">{status[review.status]}</span>
                  {review.verifiedPurchase && <span className="text-xs text-green-800">Verified purchase</span>}
                </p>
                <p className="whitespace-pre-line text-sm">{review.body}</p>
                <p className="text-xs text-muted">
                  {review.user.name} ({review.user.email}) · {date(review.createdAt)}
                  {showProduct && (
                    <>
                      {" "}
                      ·{" "}
                      <Link to={`/products/${review.product.id}`} className="underline">
                        {review.product.name}
                      </Link>
                    </>
                  )}
                </p>
                <div className="flex flex-wrap gap-2">
                  {review.status !== "PUBLISHED" && (
                    <Button onClick={() => approve.mutate({ id: review.id })}>
                      Approve<span className="sr-only"> “{review.title}”</span>
                    </Button>
                  )}
                  {review.status !== "HIDDEN" && (
                    <Button variant="secondary" onClick={() => hide.mutate({ id: review.id })}>
                      Hide<span className="sr-only"> “{review.title}”</span>
                    </Button>
                  )}
                  <ConfirmButton
                    title="Delete this review for good?"
                    description={`“${review.title}” cannot be restored; hiding it keeps it.`}
                    confirmLabel="Delete review"
                    onConfirm={() => remove.mutate({ id: review.id })}
                  >
                    Delete<span className="sr-only"> “{review.title}”</span>
                  </ConfirmButton>
                </div>
              </li>
            ))}
          </ul>
        )}
      </InfiniteList>
    </div>
  );
}
