import { useFieldErrors, useTRPC } from "@shop/client";
import { CredentialsForm } from "@shop/ui";
import { SignInSchema } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useFieldErrors();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        // Seed the session query with the signed-in user, so the guard does not act on the
        // stale "signed out" answer while it refetches.
        queryClient.setQueryData(trpc.auth.me.queryKey(), result.user);
        const from: unknown =
          location.state && typeof location.state === "object" && "from" in location.state ? location.state.from : null;
        await navigate(typeof from === "string" ? from : "/", { replace: true });
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = form.validate(SignInSchema, { email: data.get("email"), password: data.get("password") });
    if (input) signIn.mutate({ ...input, audience: "admin" });
  }

  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="mb-6 text-2xl font-bold">Sign in to the back office</h1>
      <CredentialsForm
        mode="signIn"
        onSubmit={submit}
        errors={form.errors}
        pending={signIn.isPending}
        emailAutoComplete="username"
      />
    </main>
  );
}
