import { z } from "zod";

/** Trimmed and lower-cased, so addresses compare case-insensitively everywhere. */
export const EmailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform((email) => email.toLowerCase());

/** Length is the only rule (NIST 800-63B): 12 to 128 characters of any kind. */
export const PasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(128, "Use at most 128 characters");

export const NameSchema = z.string().trim().min(1, "Enter your name").max(100, "At most 100 characters");

export const SignInSchema = z
  .object({
    email: EmailSchema,
    // Sign-in does not re-validate password rules: old accounts may predate them.
    password: z.string().min(1, "Enter your password").max(1024),
  })
  .strict();
export type SignInInput = z.input<typeof SignInSchema>;
