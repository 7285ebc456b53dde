import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { ResetPasswordSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { useLinkSecret } from "../lib/link-secret.ts";
import { useSessionChanged } from "../lib/session.ts";
import { Link } from "../components/link.tsx";

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const token = useLinkSecret("token") ?? "";
  const form = useFieldErrors();
  const changed = useSessionChanged();
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: async (result) => {
        changed(result.user);
        await navigate("/account", {
          replace: true,
          state: { notice: "Your password was changed. Other devices were signed out." },
        });
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(ResetPasswordSchema, {
      token,
      password: new FormData(event.currentTarget).get("password"),
    });
    if (input) reset.mutate(input);
  }

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link to="/forgot-password" className="underline">
          Need a new link?
        </Link>
      }
    >
      {/* POST: a submit before the page is hydrated must not put the password in the URL. */}
      <form method="post" onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters."
          error={form.errors.password}
        />
        <FormMessage error={form.errors.token ?? form.errors.form} />
        <Button type="submit" className="w-full" disabled={reset.isPending || !token}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}
