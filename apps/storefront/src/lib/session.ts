import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

type Me = RouterOutputs["auth"]["me"];

/** Who is signed in, as far as the page knows yet: the shopper, null for a guest, undefined while asking. */
export type MeView = { data: Me | undefined; isPending: boolean; isSuccess: boolean };

function useMeInBrowser(): MeView {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
}

// Pages are rendered on the server for nobody in particular (they are cached for everyone), so
// there the shopper is always still unknown, as on the browser's first render, which hydrates the
// same markup; no query observer is built for it (a handful per page, ~4 % of a render).
const unknownShopper: MeView = { data: undefined, isPending: true, isSuccess: false };

/** The signed-in shopper, or null. */
export const useMe: () => MeView = import.meta.env.SSR ? () => unknownShopper : useMeInBrowser;

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
