import { fieldErrorsFromApi, fieldErrorsFromIssues, type FieldErrors } from "@shop/validators/form-errors";
import { useState, type FormEvent } from "react";
import type { z } from "zod";

export type { FieldErrors };

/**
 * A form's errors, from the same zod schema the API uses and from the API's answers, through
 * the one mapping in `@shop/validators` (form-errors.ts). Every problem shows at once, beside
 * its field (keyed by dotted path), and a field's message goes as soon as the field changes.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clearField = (name: string) =>
    setErrors((current) => {
      if (!current[name]) return current;
      const { [name]: _cleared, ...rest } = current;
      return rest;
    });
  return {
    errors,
    clear: () => setErrors({}),
    clearField,
    /** Put on the <form>: any input that changes loses its message (inputs are named by path). */
    onChange: (event: FormEvent<HTMLFormElement>) => {
      const target = event.target;
      if (
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement
      )
        if (target.name) clearField(target.name);
    },
    /** Sets one message, e.g. a confirmation mismatch only the form knows about. */
    set: (field: string, message: string) => setErrors((current) => ({ ...current, [field]: message })),
    /** Returns the parsed value, or null after showing every problem. */
    validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
      const result = schema.safeParse(value);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      setErrors(fieldErrorsFromIssues(result.error.issues));
      return null;
    },
    /** Shows a server error on its field when it names one, otherwise on the form. */
    fromServer(error: unknown) {
      setErrors(fieldErrorsFromApi(error));
    },
  };
}
