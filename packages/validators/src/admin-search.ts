import { z } from "zod";

/** The admin's global search: order numbers, customer emails, product names and SKUs. */
export const AdminSearchSchema = z
  .object({ query: z.string().trim().min(1, "Type something to search").max(100) })
  .strict();
