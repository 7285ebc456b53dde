import { plainErrorMessage, useTRPC } from "@shop/client";
import { FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { ConfirmButton } from "../../components/confirm-button.tsx";

/**
 * Admins only: ends the account's password and sessions and emails it a reset link. The link
 * goes to the account's own address; nobody in the admin ever sees it.
 */
export function ForcePasswordReset({ user }: { user: { id: number; name: string; email: string } }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.admin.customers.forcePasswordReset.mutationOptions());
  return (
    <div className="space-y-1">
      <ConfirmButton
        title={`Reset ${user.name}'s password?`}
        description={`Their password stops working and they are signed out everywhere. A link to choose a new one is emailed to ${user.email}. You will not see the link.`}
        confirmLabel="Reset password"
        onConfirm={() => reset.mutate({ userId: user.id })}
      >
        Reset password
      </ConfirmButton>
      <FormMessage
        error={reset.error ? plainErrorMessage(reset.error) : undefined}
        success={
          reset.data ? `Signed out everywhere; a reset link was emailed to ${reset.data.linkSentTo}.` : undefined
        }
      />
    </div>
  );
}
