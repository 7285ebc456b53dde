import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, FormMessage, formatMoney, ResponsiveImage, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "../../components/link.tsx";

export function WishlistPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const items = useQuery(trpc.wishlist.list.queryOptions());
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.wishlist.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
  };
  const remove = useMutation(trpc.wishlist.remove.mutationOptions({ onSuccess: refresh }));
  const move = useMutation(trpc.wishlist.moveToCart.mutationOptions({ onSuccess: refresh }));
  if (items.isPending) return <Skeleton className="h-64 w-full" />;
  if (items.isError) return <ErrorState message="Could not load your wishlist." onRetry={() => void items.refetch()} />;
  if (items.data.length === 0)
    return <EmptyState title="Your wishlist is empty">Tap the heart on any product to save it here.</EmptyState>;
  const error = move.error ?? remove.error;
  return (
    <div className="space-y-4">
      {error && <FormMessage error={plainErrorMessage(error)} />}
      <ul className="divide-y divide-line rounded-lg border border-line">
        {items.data.map((item) => (
          <li key={item.productId} className="flex flex-wrap items-center gap-4 p-4" data-testid="wishlist-item">
            {item.image && (
              <ResponsiveImage
                image={item.image}
                alt={item.image.alt}
                sizes="80px"
                loading="lazy"
                className="size-20 rounded bg-subtle object-cover"
              />
            )}
            <div className="min-w-0 flex-1">
              <Link to={`/p/${item.slug}`} className="font-medium hover:underline">
                {item.name}
              </Link>
              {item.variantTitle && <p className="text-sm text-muted">{item.variantTitle}</p>}
              <p className="text-sm">
                <span className="font-semibold tabular-nums">{formatMoney(item.price, item.currency)}</span>
                {item.priceDropped && (
                  <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800">
                    Price dropped from {formatMoney(item.priceWhenAdded, item.currency)}
                  </span>
                )}
              </p>
              <p className="text-sm">
                {!item.available ? "No longer sold" : item.inStock ? "In stock" : "Out of stock"}
                {item.backInStock && (
                  <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800">
                    Back in stock
                  </span>
                )}
              </p>
            </div>
            <div className="flex gap-2">
              {item.variantId !== null && item.inStock ? (
                <Button onClick={() => move.mutate({ productId: item.productId })} disabled={move.isPending}>
                  Move to cart
                </Button>
              ) : item.available ? (
                <Link to={`/p/${item.slug}`} className="rounded-md border border-line px-4 py-2 text-sm">
                  Choose options
                </Link>
              ) : null}
              <Button variant="ghost" onClick={() => remove.mutate({ productId: item.productId })}>
                Remove<span className="sr-only"> {item.name}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
