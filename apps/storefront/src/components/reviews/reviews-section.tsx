import { useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "react-router";
import { useMe } from "../../lib/session.ts";
import { ReviewForm } from "./review-form.tsx";
import { ReviewList } from "./review-list.tsx";
import { Link } from "../link.tsx";

/** Below the rating summary: one's own review (write, edit, delete) and everyone's. */
export function ReviewsSection({ productId }: { productId: number }) {
  const me = useMe();
  const location = useLocation();
  const [rating, setRating] = useState<number | undefined>();

  return (
    <div className="mt-6 space-y-6">
      {!me.data ? (
        <p className="text-sm">
          <Link
            to={`/sign-in?next=${encodeURIComponent(`${location.pathname}#reviews`)}`}
            className="font-medium text-brand-700 underline"
          >
            Sign in
          </Link>{" "}
          to write a review.
        </p>
      ) : (
        <OwnReview productId={productId} />
      )}
      <ReviewList productId={productId} rating={rating} onRating={setRating} />
    </div>
  );
}

/**
 * A signed-in shopper's own review of the product. Its query lives here, so a page rendered for
 * nobody in particular (every server-rendered page) builds no observer for it.
 */
function OwnReview({ productId }: { productId: number }) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.reviews.mineFor.queryOptions({ productId }));
  const [writing, setWriting] = useState(false);
  const existing = mine.data ?? null;
  if (writing) return <ReviewForm productId={productId} existing={existing} onDone={() => setWriting(false)} />;
  return (
    <div className="space-y-2">
      {existing?.status === "PENDING" && (
        <FormMessage success="Thanks! Your review will appear once the shop has checked it." />
      )}
      {existing?.status === "HIDDEN" && <p className="text-sm text-muted">Your review was hidden by the shop.</p>}
      <Button variant="secondary" onClick={() => setWriting(true)}>
        {existing ? "Edit your review" : "Write a review"}
      </Button>
    </div>
  );
}
