import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, Skeleton, TextField } from "@shop/ui";
import { ChangeEmailSchema, ChangePasswordSchema, UpdateProfileSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-line p-6" aria-label={title}>
      <h2 className="mb-4 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function ProfilePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useQuery(trpc.account.profile.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.profile.queryKey() });

  const nameForm = useFieldErrors();
  const rename = useMutation(
    trpc.account.updateProfile.mutationOptions({ onSuccess: refresh, onError: nameForm.fromServer }),
  );
  const emailForm = useFieldErrors();
  const changeEmail = useMutation(
    trpc.account.changeEmail.mutationOptions({ onSuccess: refresh, onError: emailForm.fromServer }),
  );
  const passwordForm = useFieldErrors();
  const changePassword = useMutation(trpc.account.changePassword.mutationOptions({ onError: passwordForm.fromServer }));

  if (profile.isPending) return <Skeleton className="h-64 w-full" />;
  if (profile.isError) return <FormMessage error="Could not load your profile." />;

  const submit = (handler: (data: FormData, form: HTMLFormElement) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handler(new FormData(event.currentTarget), event.currentTarget);
  };

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Section title="Profile">
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit((data) => {
            const input = nameForm.validate(UpdateProfileSchema, { name: data.get("name") });
            if (input) rename.mutate(input);
          })}
        >
          <TextField
            label="Name"
            name="name"
            autoComplete="name"
            defaultValue={profile.data.name}
            error={nameForm.errors.name}
          />
          <FormMessage error={nameForm.errors.form} success={rename.isSuccess ? "Saved." : undefined} />
          <Button type="submit" disabled={rename.isPending}>
            Save
          </Button>
        </form>
      </Section>

      <Section title="Email address">
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit((data, form) => {
            const input = emailForm.validate(ChangeEmailSchema, {
              email: data.get("email"),
              password: data.get("password"),
            });
            if (input) changeEmail.mutate(input, { onSuccess: () => form.reset() });
          })}
        >
          <p className="text-sm text-muted">Currently {profile.data.email}</p>
          <TextField label="New email" name="email" type="email" autoComplete="email" error={emailForm.errors.email} />
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            error={emailForm.errors.password}
          />
          <FormMessage
            error={emailForm.errors.form}
            success={changeEmail.isSuccess ? "Email address changed." : undefined}
          />
          <Button type="submit" disabled={changeEmail.isPending}>
            Change email
          </Button>
        </form>
      </Section>

      <Section title="Password">
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit((data, form) => {
            const input = passwordForm.validate(ChangePasswordSchema, {
              currentPassword: data.get("currentPassword"),
              newPassword: data.get("newPassword"),
            });
            if (input) changePassword.mutate(input, { onSuccess: () => form.reset() });
          })}
        >
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            error={passwordForm.errors.currentPassword ?? passwordForm.errors.password}
          />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters."
            error={passwordForm.errors.newPassword}
          />
          <FormMessage
            error={passwordForm.errors.form}
            success={changePassword.isSuccess ? "Password changed. Your other devices were signed out." : undefined}
          />
          <Button type="submit" disabled={changePassword.isPending}>
            Change password
          </Button>
        </form>
      </Section>
    </div>
  );
}
