/** Messages keyed by the field's dotted path (`shippingAddress.postalCode`); `form` for the rest. */
export type FieldErrors = Record<string, string | undefined>;

type IssueLike = {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly errors?: readonly (readonly IssueLike[])[];
};

/**
 * A union that no option accepted ("a saved address or a new one") reports the problems of the
 * option the input was meant for: the one that did not refuse the input's keys (a strict object
 * says `unrecognized_keys` to input of another shape), with their paths made whole.
 */
export function expandUnionIssues(issues: readonly IssueLike[]): IssueLike[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || !issue.errors?.length) return [issue];
    const meant =
      issue.errors.find(
        (option) => !option.some((inner) => inner.code === "unrecognized_keys" && inner.path.length === 0),
      ) ??
      issue.errors[0] ??
      [];
    return expandUnionIssues(meant.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

/** What a tRPC error carries to the browser (the server's error formatter fills it). */
type ApiErrorLike = {
  message: string;
  data?: {
    code?: string;
    httpStatus?: number;
    zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
    details?: Record<string, unknown> | null;
  } | null;
};

export const NETWORK_MESSAGE = "We could not reach the shop. Check your connection and try again.";
const SERVER_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * The plain-language message for API error codes whose own message is not for people. Domain
 * errors (not found, conflicts, stock) keep the server's message: it is written for shoppers.
 */
const codeMessages: Record<string, string> = {
  SERVICE_UNAVAILABLE: "The shop is busy. Please try again in a moment.",
  GATEWAY_TIMEOUT: "The shop took too long to answer. Please try again.",
  PARSE_ERROR: "The form could not be read. Reload the page and try again.",
  METHOD_NOT_SUPPORTED: "The form could not be sent. Reload the page and try again.",
  PAYLOAD_TOO_LARGE: "That is too large to send.",
  UNAUTHORIZED: "Please sign in to continue.",
};

/** Domain errors that concern one part of a form, by the reason the service gave. */
const reasonFields: Record<string, string> = { COUPON: "coupon" };

/** The first message per field, keyed by the issue's whole path. */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of expandUnionIssues(issues)) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

function isApiError(error: unknown): error is ApiErrorLike {
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string";
}

/** One sentence a person can act on, for any error: never a stack, JSON or an internal code. */
export function plainErrorMessage(error: unknown): string {
  if (!isApiError(error)) return SERVER_MESSAGE;
  const data = error.data;
  // No error shape from our server: the network failed, or a proxy answered with its own page.
  if (!data?.code) return NETWORK_MESSAGE;
  if (data.code === "INTERNAL_SERVER_ERROR") return SERVER_MESSAGE;
  if (!error.message.trim() || looksInternal(error.message))
    return codeMessages[data.code] ?? "That did not work. Please check and try again.";
  return error.message;
}

/** JSON, stack traces and SCREAMING_CODES are for logs, not people. */
export function looksInternal(message: string): boolean {
  return /^\s*[[{]|"\w+":|\bat \S+ \(|\b[A-Z]{3,}_[A-Z_]+\b|\b(?:too_big|too_small|invalid_type|invalid_format)\b/.test(
    message,
  );
}

/**
 * An API error placed on fields: the server's validation issues by path, a domain error naming
 * its field (`details.field`) or reason, anything else on the form.
 */
export function fieldErrorsFromApi(error: unknown): FieldErrors {
  if (!isApiError(error) || !error.data?.code) return { form: plainErrorMessage(error) };
  const errors: FieldErrors = {};
  const zod = error.data.zodError;
  for (const [key, messages] of Object.entries(zod?.fieldErrors ?? {})) if (messages?.[0]) errors[key] = messages[0];
  if (zod?.formErrors[0]) errors.form = zod.formErrors[0];
  const details = error.data.details ?? {};
  const field =
    typeof details.field === "string"
      ? details.field
      : typeof details.reason === "string"
        ? reasonFields[details.reason]
        : undefined;
  if (field) errors[field] = plainErrorMessage(error);
  if (Object.keys(errors).length === 0) errors.form = plainErrorMessage(error);
  return errors;
}

/** The errors under one object of a form (`shippingAddress`), keyed by the rest of their path. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const under: FieldErrors = {};
  for (const [key, message] of Object.entries(errors))
    if (key.startsWith(`${prefix}.`)) under[key.slice(prefix.length + 1)] = message;
  return under;
}

/**
 * Messages about one row of a repeated group (a product's variants) say which row, so they read
 * alone too, in a summary or to a screen reader: "Enter a price, like 19.99" under
 * `variants.2.price` becomes "Enter a price for the Black / 128 GB variant, like 19.99" (the row
 * goes before a trailing clause). A message that is not an instruction is led by the row instead:
 * "Black / 128 GB variant: this SKU is taken".
 */
export function nameRows(errors: FieldErrors, group: string, rowName: (index: number) => string): FieldErrors {
  const named: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = new RegExp(`^${group}\\.(\\d+)(?:\\.|$)`).exec(key);
    if (!match || !message) {
      named[key] = message;
      continue;
    }
    const row = rowName(Number(match[1]));
    const instruction = message.replace(/[.]$/, "");
    const clause = instruction.search(/, | \(|: /);
    named[key] = /^(Enter|Choose|Add|Use|Fill)\b/.test(message)
      ? clause > 0
        ? `${instruction.slice(0, clause)} for ${row}${instruction.slice(clause)}`
        : `${instruction} for ${row}`
      : `${row.replace(/^the /, "").replace(/^./, (first) => first.toUpperCase())}: ${message}`;
  }
  return named;
}
