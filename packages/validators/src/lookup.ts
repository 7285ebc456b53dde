import { z } from "zod";

/**
 * What a record picker asks: records matching what was typed, or the records with these ids (to
 * show the names of those already chosen). The answer is the same shape for every kind.
 */
export const LookupInputSchema = z
  .object({
    query: z.string().trim().max(100).default(""),
    ids: z.array(z.number().int().positive()).max(100).optional(),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .strict();
