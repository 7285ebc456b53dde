import { useTRPC } from "@shop/client";
import { useQuery } from "@tanstack/react-query";

/** The shop's currency, loaded once per session; undefined until it has arrived. */
export function useShopCurrency(): string | undefined {
  const trpc = useTRPC();
  return useQuery(trpc.admin.settings.get.queryOptions(undefined, { staleTime: Infinity })).data?.currency;
}
