import { z } from "zod";
import { paginationFields } from "./common.ts";

export const ProductStatusSchema = z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]);

export const CatalogListSchema = z
  .object({
    ...paginationFields(24),
  })
  .strict();
export type CatalogListInput = z.input<typeof CatalogListSchema>;

export const AdminProductListSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    status: ProductStatusSchema.optional(),
    ...paginationFields(50),
  })
  .strict();
export type AdminProductListInput = z.input<typeof AdminProductListSchema>;
