import { useTRPC } from "@shop/client";
import { useQueryClient } from "@tanstack/react-query";
import type { Order } from "../../lib/orders.ts";

/**
 * Every order action answers with the order as it now is: put it in the cache instead of
 * fetching it again, and let lists that show it refetch.
 */
export function useOrderUpdated() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (order: Order) => {
    queryClient.setQueryData(trpc.admin.orders.get.queryKey({ orderId: order.id }), order);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.customers.get.pathKey() });
  };
}
