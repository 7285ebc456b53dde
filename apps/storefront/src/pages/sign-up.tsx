import { useFieldErrors, useTRPC } from "@shop/client";
import { CredentialsForm, TextField } from "@shop/ui";
import { RegisterSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { safeNext } from "../lib/redirect.ts";
import { Link } from "../components/link.tsx";

export function SignUpPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const form = useFieldErrors();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const register = useMutation(trpc.auth.register.mutationOptions({ onError: (error) => form.fromServer(error) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(RegisterSchema, {
      name: data.get("name"),
      email: data.get("email"),
      password: data.get("password"),
    });
    if (input) register.mutate(input, { onSuccess: () => setSentTo(input.email) });
  }

  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link to={`/sign-in?next=${encodeURIComponent(next)}`} className="font-medium text-brand-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      {sentTo ? (
        // The same answer whether or not the address already has an account (docs/security.md).
        <div className="space-y-3" role="status">
          <h2 className="text-lg font-semibold">Check your email</h2>
          <p>
            We have sent a message to <strong>{sentTo}</strong>. Open the link in it within 24 hours to finish creating
            your account. If this address already has an account, the message says how to sign in instead.
          </p>
        </div>
      ) : (
        <CredentialsForm mode="signUp" onSubmit={submit} errors={form.errors} pending={register.isPending}>
          <TextField label="Name" name="name" autoComplete="name" error={form.errors.name} />
        </CredentialsForm>
      )}
    </AuthCard>
  );
}
