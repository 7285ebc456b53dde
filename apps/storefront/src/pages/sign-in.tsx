import { useFieldErrors, useTRPC } from "@shop/client";
import { CredentialsForm } from "@shop/ui";
import { SignInSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { safeNext } from "../lib/redirect.ts";
import { useSessionChanged } from "../lib/session.ts";
import { Link } from "../components/link.tsx";

export function SignInPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const form = useFieldErrors();
  const changed = useSessionChanged();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        changed(result.user);
        await navigate(next, { replace: true });
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(SignInSchema, { email: data.get("email"), password: data.get("password") });
    if (input) signIn.mutate(input);
  }

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New here?{" "}
          <Link to={`/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 underline">
            Create an account
          </Link>
        </>
      }
    >
      <CredentialsForm
        mode="signIn"
        onSubmit={submit}
        errors={form.errors}
        pending={signIn.isPending}
        footer={
          <p className="text-center text-sm">
            <Link to="/forgot-password" className="text-brand-700 underline">
              Forgot your password?
            </Link>
          </p>
        }
      />
    </AuthCard>
  );
}
