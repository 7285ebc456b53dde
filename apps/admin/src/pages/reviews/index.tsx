import { useTRPC } from "@shop/client";
import { Button, FilterSelect, listParams, ListPage } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { RecordPicker } from "../../components/record-picker.tsx";
import { useStaff } from "../../lib/me.ts";
import { ReviewTable } from "./review-table.tsx";
import { ReviewStatusSchema } from "@shop/validators";

const statuses = ReviewStatusSchema.options;

/** The moderation queue (waiting reviews first) and every review, filtered in the URL. */
export function ReviewsPage() {
  const trpc = useTRPC();
  const staff = useStaff();
  const queryClient = useQueryClient();
  const list = listParams(useSearchParams());
  const params = list.params;
  const status = params.get("status") === "all" ? undefined : (list.oneOf("status", statuses) ?? "PENDING");
  const rating = [1, 2, 3, 4, 5].find((n) => n === list.id("rating"));
  const productId = list.id("product");
  const mode = useQuery(trpc.admin.reviews.moderation.queryOptions());
  const setMode = useMutation(
    trpc.admin.reviews.setModeration.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.reviews.moderation.queryKey() }),
    }),
  );
  return (
    <ListPage title="Reviews" className="space-y-4">
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
        <FilterSelect
          label="Status"
          value={params.get("status") ?? "PENDING"}
          any={null}
          onChange={(status) => list.set({ status })}
          options={[
            { value: "PENDING", label: "Waiting for approval" },
            { value: "PUBLISHED", label: "Published" },
            { value: "HIDDEN", label: "Hidden" },
            { value: "all", label: "All" },
          ]}
        />
        <FilterSelect
          label="Rating"
          value={rating}
          onChange={(rating) => list.set({ rating })}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${n} stars` }))}
        />
        <div className="w-72">
          <RecordPicker
            kind="products"
            label="Product"
            single
            value={productId ? [productId] : []}
            onChange={([product]) => list.set({ product })}
          />
        </div>
      </div>
      <ReviewTable filter={{ status, rating, productId }} />
    </ListPage>
  );
}
