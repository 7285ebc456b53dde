import { TRPCError } from "@trpc/server";
import { isDatabaseUnavailable, Prisma } from "@shop/db";

// Services throw AppError with a domain code; one map turns it into a tRPC error code.
// Anything else that escapes is an internal error and reaches the user without details.

export type AppErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "BAD_INPUT"
  | "TOO_LARGE"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "PRECONDITION_FAILED"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra data for the client, e.g. a retry-after hint. Never secrets. */
    readonly details?: Record<string, string | number | boolean>,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const trpcCodes = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  BAD_INPUT: "BAD_REQUEST",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<AppErrorCode, TRPCError["code"]>;

/** Seconds a client should wait before retrying a 503 (the Retry-After the server sends). */
export const RETRY_AFTER_SECONDS = 5;

/** Turns a service or database error into the TRPCError the client sees, or null if unknown. */
export function toTRPCError(error: unknown): TRPCError | null {
  // Stopped, restarting, cut off or out of connections: not a bug, a moment to wait.
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The shop is busy, please retry in a moment",
      cause: error,
    });
  }
  if (error instanceof AppError) {
    return new TRPCError({ code: trpcCodes[error.code], message: error.message, cause: error });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new TRPCError({ code: "CONFLICT", message: "Already exists", cause: error });
    if (error.code === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "Not found", cause: error });
  }
  return null;
}

/** Prisma's P2002, or SQLSTATE 23505 from a statement run on the raw runner. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
