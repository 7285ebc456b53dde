import { isClientError, plainErrorMessage, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { useHydrated, useLinkSecret } from "../lib/link-secret.ts";
import { useSessionChanged } from "../lib/session.ts";
import { Link } from "../components/link.tsx";

/**
 * The link from the sign-up email. The account is created by a click, not by opening the page:
 * mail scanners that follow links must not use up the shopper's one-time link.
 */
export function ConfirmSignUpPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const hydrated = useHydrated();
  const token = useLinkSecret("token") ?? "";
  const changed = useSessionChanged();
  const confirm = useMutation(
    trpc.auth.confirmSignUp.mutationOptions({
      onSuccess: async (result) => {
        changed(result.user);
        await navigate("/account", { replace: true, state: { notice: "Welcome! Your account is ready." } });
      },
    }),
  );

  return (
    <AuthCard
      title="Finish creating your account"
      footer={
        <Link to="/sign-up" className="underline">
          Need a new link?
        </Link>
      }
    >
      <div className="space-y-4">
        <p>Confirm your email address to create your account and sign in.</p>
        <FormMessage
          error={
            isClientError(confirm.error)
              ? plainErrorMessage(confirm.error)
              : token || !hydrated
                ? undefined
                : "This link is incomplete. Copy the whole link from the email."
          }
        />
        <Button className="w-full" disabled={confirm.isPending || !token} onClick={() => confirm.mutate({ token })}>
          {confirm.isPending ? "Creating your account…" : "Confirm and sign in"}
        </Button>
      </div>
    </AuthCard>
  );
}
