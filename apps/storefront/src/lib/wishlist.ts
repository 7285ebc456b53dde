import { useTRPC } from "@shop/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocation, useNavigate } from "react-router";
import { useMe } from "./session.ts";

export type Wishlist = ReturnType<typeof useWishlistInBrowser>;

/**
 * The saved-product ids of the signed-in shopper and a toggle that updates at once and rolls
 * back if the server says no. Guests are sent to sign in and brought back to the same page.
 */
function useWishlistInBrowser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const idsKey = trpc.wishlist.ids.queryKey();
  const ids = useQuery(trpc.wishlist.ids.queryOptions(undefined, { enabled: Boolean(me.data) }));

  const optimistic = (productId: number, saved: boolean) => ({
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: idsKey });
      const previous = queryClient.getQueryData(idsKey);
      queryClient.setQueryData(idsKey, (current: number[] | undefined) =>
        saved ? [...(current ?? []), productId] : (current ?? []).filter((id) => id !== productId),
      );
      return { previous };
    },
    onError: (_error: unknown, _input: unknown, context: { previous: number[] | undefined } | undefined) => {
      queryClient.setQueryData(idsKey, context?.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.wishlist.pathKey() }),
  });
  const add = useMutation(trpc.wishlist.add.mutationOptions());
  const remove = useMutation(trpc.wishlist.remove.mutationOptions());

  return {
    isSaved: (productId: number) => ids.data?.includes(productId) ?? false,
    error: add.error ?? remove.error,
    toggle(productId: number, variantId?: number | null) {
      if (!me.data) {
        void navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
        return;
      }
      if (ids.data?.includes(productId)) remove.mutate({ productId }, optimistic(productId, false));
      else add.mutate({ productId, variantId: variantId ?? null }, optimistic(productId, true));
    },
  };
}

// On the server the shopper is unknown (see useMe): nothing is saved and nothing is clicked.
const nothingSaved: Wishlist = { isSaved: () => false, error: null, toggle: () => undefined };

export const useWishlistToggle: () => Wishlist = import.meta.env.SSR ? () => nothingSaved : useWishlistInBrowser;
