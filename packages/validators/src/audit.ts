import { z } from "zod";
import { IdSchema, paginationFields } from "./common.ts";

/** Filters of the audit trail; `to` is exclusive. */
export const AuditListSchema = z
  .object({
    actorId: IdSchema.optional(),
    entityType: z.string().trim().max(60).optional(),
    entityId: z.string().trim().max(60).optional(),
    action: z.string().trim().max(60).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    ...paginationFields(50),
  })
  .strict();
