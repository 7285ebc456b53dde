import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, formatCountOf, FormMessage, TextField } from "@shop/ui";
import { ReviewInputSchema } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

type Existing = { id: number; rating: number; title: string; body: string; status: string } | null;

/** Write or edit one's review; the same schema as the API, errors beside their fields. */
export function ReviewForm({
  productId,
  existing,
  onDone,
}: {
  productId: number;
  existing: Existing;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useFieldErrors();
  const [rating, setRating] = useState(existing?.rating ?? 0);
  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.get.pathKey() });
    onDone();
  };
  const create = useMutation(trpc.reviews.create.mutationOptions({ onSuccess: settle, onError: form.fromServer }));
  const update = useMutation(trpc.reviews.update.mutationOptions({ onSuccess: settle, onError: form.fromServer }));
  const remove = useMutation(trpc.reviews.delete.mutationOptions({ onSuccess: settle }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(ReviewInputSchema, { rating, title: data.get("title"), body: data.get("body") });
    if (!input) return;
    if (existing) update.mutate({ ...input, id: existing.id });
    else create.mutate({ ...input, productId });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-lg border border-line p-4"
      aria-label={existing ? "Edit your review" : "Write a review"}
    >
      <fieldset>
        <legend className="text-sm font-medium">Your rating</legend>
        <div
          className="mt-1 flex gap-1"
          role="radiogroup"
          aria-describedby={form.errors.rating ? "rating-error" : undefined}
        >
          {[1, 2, 3, 4, 5].map((star) => (
            <label key={star} className="cursor-pointer text-2xl">
              <input
                type="radio"
                name="rating"
                value={star}
                checked={rating === star}
                onChange={() => setRating(star)}
                className="sr-only"
              />
              <span aria-hidden="true" className={star <= rating ? "text-amber-500" : "text-line"}>
                ★
              </span>
              <span className="sr-only">{formatCountOf(star, "star")}</span>
            </label>
          ))}
        </div>
        {form.errors.rating && (
          <p id="rating-error" role="alert" className="text-sm text-red-700">
            {form.errors.rating}
          </p>
        )}
      </fieldset>
      <TextField
        label="Title"
        name="title"
        defaultValue={existing?.title ?? ""}
        maxLength={120}
        error={form.errors.title}
      />
      <div>
        <label htmlFor="review-body" className="block text-sm font-medium">
          Review
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={5}
          maxLength={5000}
          defaultValue={existing?.body ?? ""}
          aria-invalid={form.errors.body ? true : undefined}
          aria-describedby={form.errors.body ? "review-body-error" : undefined}
          className="mt-1 block w-full rounded-md border border-line bg-surface p-3"
        />
        {form.errors.body && (
          <p id="review-body-error" role="alert" className="mt-1 text-sm text-red-700">
            {form.errors.body}
          </p>
        )}
      </div>
      <FormMessage error={form.errors.form} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {existing ? "Save review" : "Post review"}
        </Button>
        {existing && (
          <Button
            variant="ghost"
            onClick={() => window.confirm("Delete your review?") && remove.mutate({ id: existing.id })}
          >
            Delete review
          </Button>
        )}
      </div>
    </form>
  );
}
