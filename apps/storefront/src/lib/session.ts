import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

type Me = RouterOutputs["auth"]["me"];

/** The signed-in shopper, or null. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
}

/**
 * After signing in, up or out: forget everything cached for the previous identity and seed
 * "me", so no screen acts on a stale answer while it refetches.
 */
export function useSessionChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (user: Me) => {
    queryClient.clear();
    queryClient.setQueryData(trpc.auth.me.queryKey(), user);
  };
}

export function useSignOut(onDone: () => void) {
  const trpc = useTRPC();
  const changed = useSessionChanged();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        changed(null);
        onDone();
      },
    }),
  );
}
