import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { RequestPasswordResetSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { AuthCard } from "../components/auth-card.tsx";
import { Link } from "../components/link.tsx";

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({ onError: (error) => form.fromServer(error) }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(RequestPasswordResetSchema, { email: new FormData(event.currentTarget).get("email") });
    if (input) request.mutate(input);
  }

  return (
    <AuthCard
      title="Reset your password"
      footer={
        <Link to="/sign-in" className="underline">
          Back to sign in
        </Link>
      }
    >
      {request.isSuccess ? (
        <FormMessage success="If an account exists for that email, we have sent a link to reset its password. It works for one hour." />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <p className="text-sm text-muted">Enter your email and we will send you a link to choose a new password.</p>
          <TextField label="Email" name="email" type="email" autoComplete="email" error={form.errors.email} />
          <FormMessage error={form.errors.form} />
          <Button type="submit" className="w-full" disabled={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
