import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";

export type Cart = RouterOutputs["cart"]["get"];

export function useCart() {
  const trpc = useTRPC();
  return useQuery(trpc.cart.get.queryOptions());
}

function useCartDataInBrowser(): Cart | undefined {
  return useCart().data;
}

/**
 * The cart as the header's count and the add-to-cart drawer show it. On the server, where pages
 * are rendered for nobody in particular (see useMe), there is none yet, as on the first render.
 */
export const useCartData: () => Cart | undefined = import.meta.env.SSR ? () => undefined : useCartDataInBrowser;

/** Every cart mutation returns the whole cart, priced by the server: put it straight in the cache. */
export function useSetCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (cart: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
}
