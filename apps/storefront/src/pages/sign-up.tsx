import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { RegisterSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../components/auth-card.tsx";
import { safeNext } from "../lib/redirect.ts";
import { useSessionChanged } from "../lib/session.ts";

export function SignUpPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const form = useFieldErrors();
  const changed = useSessionChanged();
  const register = useMutation(
    trpc.auth.register.mutationOptions({
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
    const input = form.validate(RegisterSchema, {
      name: data.get("name"),
      email: data.get("email"),
      password: data.get("password"),
    });
    if (input) register.mutate(input);
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
      {/* POST: a submit before the page is hydrated must not put the password in the URL. */}
      <form method="post" onSubmit={submit} noValidate className="space-y-4">
        <TextField label="Name" name="name" autoComplete="name" error={form.errors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" error={form.errors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few words strung together work well."
          error={form.errors.password}
        />
        <FormMessage error={form.errors.form} />
        <Button type="submit" className="w-full" disabled={register.isPending}>
          {register.isPending ? "Creating account…" : "Create account"}
        </Button>
      </form>
    </AuthCard>
  );
}
