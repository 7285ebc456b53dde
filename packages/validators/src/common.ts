import { z } from "zod";

/** Database ids are positive integers. */
export const IdSchema = z.number().int().positive();

export const SlugSchema = z
  .string()
  .trim()
  .min(1, "Enter a URL handle")
  .max(120, "Use at most 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");

/** Amounts of money are integers of minor units (cents); the client never sends totals. */
export const MinorUnitsSchema = z.number().int().min(0).max(100_000_000);

/** Opaque cursor for keyset pagination, produced by the server. */
export const CursorSchema = z.string().min(1).max(500);

export const PageSizeSchema = z.number().int().min(1).max(100);

/**
 * Fields of every paginated input. tRPC's infinite queries send `cursor` (null on the first
 * page) and a `direction`; our cursors only go forward.
 */
export const paginationFields = (defaultLimit: number) => ({
  cursor: CursorSchema.nullish(),
  direction: z.literal("forward").optional(),
  limit: PageSizeSchema.default(defaultLimit),
});

export const CountryCodeSchema = z
  .string()
  .trim()
  .length(2, "Choose a country")
  .transform((code) => code.toUpperCase());
