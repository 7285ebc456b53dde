import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/** Activates or deactivates a coupon; the button's name says which, and for which code. */
export function ActiveToggle({
  coupon,
  onError,
}: {
  coupon: { id: number; code: string; active: boolean };
  onError: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setActive = useMutation(
    trpc.admin.coupons.setActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.coupons.pathKey() }),
      onError: (error) => onError(plainErrorMessage(error)),
    }),
  );
  const next = !coupon.active;
  return (
    <Button
      variant="secondary"
      className="min-h-8 px-3"
      disabled={setActive.isPending}
      aria-label={`${next ? "Activate" : "Deactivate"} ${coupon.code}`}
      onClick={() => setActive.mutate({ id: coupon.id, active: next })}
    >
      {next ? "Activate" : "Deactivate"}
    </Button>
  );
}
