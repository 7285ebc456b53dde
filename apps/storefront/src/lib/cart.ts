import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";

export type Cart = RouterOutputs["cart"]["get"];

export function useCart() {
  const trpc = useTRPC();
  return useQuery(trpc.cart.get.queryOptions());
}

/** Every cart mutation returns the whole cart, priced by the server: put it straight in the cache. */
export function useSetCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (cart: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
}
