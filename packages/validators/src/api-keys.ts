import { z } from "zod";

/**
 * What an API key may reach: each REST-exposed procedure names one scope in its `meta.scope`.
 * Nothing else is reachable by a key (docs/integrations.md).
 */
export const API_SCOPES = [
  "catalog:read",
  "orders:read",
  "orders:write",
  "orders:refund",
  "inventory:read",
  "inventory:write",
  "customers:read",
] as const;
export const ApiScopeSchema = z.enum(API_SCOPES, "Choose a scope");
export type ApiScope = z.infer<typeof ApiScopeSchema>;

export const ApiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1, "Name the key, e.g. after the system that uses it").max(80),
    scopes: z
      .array(ApiScopeSchema)
      .min(1, "Choose at least one scope")
      .max(API_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope once"),
    /** null: the key does not expire (it can still be revoked). */
    expiresInDays: z.number().int("Whole days").min(1).max(730).nullable(),
  })
  .strict();
export type ApiKeyCreateInput = z.input<typeof ApiKeyCreateSchema>;

export const ApiKeyIdSchema = z.object({ id: z.string().regex(/^[a-z2-7]{24}$/, "Not an API key id") }).strict();
