import { useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useStaff } from "../../lib/me.ts";
import { ReviewTable } from "./review-table.tsx";

const statuses = ["PENDING", "PUBLISHED", "HIDDEN"] as const;
const pick = <T extends string | number>(options: readonly T[], value: unknown): T | undefined =>
  options.find((option) => option === value);

/** The moderation queue (waiting reviews first) and every review, filtered in the URL. */
export function ReviewsPage() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") === "all" ? undefined : (pick(statuses, params.get("status")) ?? "PENDING");
  const rating = pick([1, 2, 3, 4, 5], Number(params.get("rating")) || undefined);
  const productId = Number(params.get("product")) || undefined;
  const mode = useQuery(trpc.admin.reviews.moderation.queryOptions());
  const setMode = useMutation(
    trpc.admin.reviews.setModeration.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.reviews.moderation.queryKey() }),
    }),
  );
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <section aria-labelledby="reviews-title" className="space-y-4">
      <h1 id="reviews-title" className="text-2xl font-bold">
        Reviews
      </h1>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line p-3 text-sm">
        <span>
          New reviews are <strong>{mode.data?.mode === "hold" ? "held for approval" : "published at once"}</strong>.
        </span>
        {staff.role === "ADMIN" && mode.data && (
          <Button
            variant="secondary"
            onClick={() => setMode.mutate({ mode: mode.data.mode === "hold" ? "publish" : "hold" })}
          >
            {mode.data.mode === "hold" ? "Publish new reviews at once" : "Hold new reviews for approval"}
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="block font-medium">Status</span>
          <select
            value={params.get("status") ?? "PENDING"}
            onChange={(e) => update("status", e.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-2"
          >
            <option value="PENDING">Waiting for approval</option>
            <option value="PUBLISHED">Published</option>
            <option value="HIDDEN">Hidden</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          <span className="block font-medium">Rating</span>
          <select
            value={rating ?? ""}
            onChange={(e) => update("rating", e.target.value)}
            className="mt-1 min-h-10 rounded-md border border-line px-2"
          >
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n} stars
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium">Product id</span>
          <input
            inputMode="numeric"
            defaultValue={productId ?? ""}
            onBlur={(e) => update("product", e.target.value.trim())}
            className="mt-1 min-h-10 w-28 rounded-md border border-line px-2"
          />
        </label>
      </div>
      <ReviewTable filter={{ status, rating, productId }} />
    </section>
  );
}
