import type { FormEvent, ReactNode } from "react";
import { Button } from "./button.tsx";
import { TextField } from "./field.tsx";
import { FormMessage } from "./form-alert.tsx";

/**
 * The email-and-password form of signing in and signing up, in both apps: fields with their
 * errors, the form's own error, and a submit button that says when it is working. `children`
 * come before the email (a name, when signing up); `footer` after the button.
 */
const modes = {
  signIn: { submit: "Sign in", pending: "Signing in…", password: "current-password", hint: undefined },
  signUp: {
    submit: "Create account",
    pending: "Creating account…",
    password: "new-password",
    hint: "At least 12 characters. A few words strung together work well.",
  },
} as const;

export function CredentialsForm({
  mode,
  onSubmit,
  errors,
  pending,
  emailAutoComplete = "email",
  children,
  footer,
}: {
  mode: keyof typeof modes;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors: Partial<Record<string, string>>;
  pending: boolean;
  emailAutoComplete?: "email" | "username";
  children?: ReactNode;
  footer?: ReactNode;
}) {
  const text = modes[mode];
  return (
    // POST: a submit before the page is hydrated must not put the password in the URL.
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {children}
      <TextField label="Email" name="email" type="email" autoComplete={emailAutoComplete} error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={text.password}
        hint={text.hint}
        error={errors.password}
      />
      <FormMessage error={errors.form} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.pending : text.submit}
      </Button>
      {footer}
    </form>
  );
}
