import { Skeleton } from "@shop/ui";

/** Shown while a page's code chunk loads. */
export function PageSkeleton() {
  return (
    <div className="mx-auto max-w-7xl p-4">
      <Skeleton className="h-16 w-full" />
      <Skeleton className="mt-8 h-96 w-full" />
    </div>
  );
}
