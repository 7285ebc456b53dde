import { ApiKeyCreateSchema, ApiKeyIdSchema } from "@shop/validators";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/api-keys/keys.ts";
import { adminProcedure, router } from "../../trpc.ts";

// Admins only, and no scope: no API key can see, create or revoke keys.
export const adminApiKeysRouter = router({
  list: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db)),
  /** The answer carries the whole key, the only time it is shown. */
  create: adminProcedure
    .input(ApiKeyCreateSchema)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.auth.user, input, ctx.req.ip)),
  revoke: adminProcedure
    .input(ApiKeyIdSchema)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.auth.user, input.id, ctx.req.ip)),
});
