import { useState } from "react";
import type { z } from "zod";
import { isClientError } from "./trpc.tsx";

export type FieldErrors = Record<string, string | undefined>;

/**
 * Validates with the same zod schema the API uses, and maps both client-side issues and the
 * server's flattened zod errors to per-field messages.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    clear: () => setErrors({}),
    /** Sets one message, e.g. a confirmation mismatch only the form knows about. */
    set: (field: string, message: string) => setErrors((current) => ({ ...current, [field]: message })),
    /** Returns the parsed value, or null after showing the problems. */
    validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
      const result = schema.safeParse(value);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      const next: FieldErrors = {};
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "form");
        next[key] ??= issue.message;
      }
      setErrors(next);
      return null;
    },
    /** Shows a server error: per field when it carries zod details, otherwise on the form. */
    fromServer(error: unknown) {
      if (!isClientError(error)) return setErrors({ form: "Network error. Please try again." });
      const fields = error.data?.zodError?.fieldErrors ?? {};
      const field = error.data?.details?.field;
      const next: FieldErrors = {};
      for (const [key, messages] of Object.entries(fields)) next[key] = messages?.[0];
      if (typeof field === "string") next[field] = error.message;
      else if (Object.keys(fields).length === 0) next.form = error.message;
      setErrors(next);
    },
  };
}
