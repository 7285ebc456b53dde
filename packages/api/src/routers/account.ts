import {
  AddressSchema,
  AddressUpdateSchema,
  ByIdSchema,
  ChangeEmailSchema,
  SessionIdSchema,
  SetDefaultAddressSchema,
  UpdateProfileSchema,
} from "@shop/validators";
import {
  createAddress,
  deleteAddress,
  listAddresses,
  setDefaultAddress,
  updateAddress,
} from "../services/account/addresses.ts";
import { changeEmail, changePassword, getProfile, updateProfile } from "../services/account/profile.ts";
import { listSessions, revokeAllSessions, revokeSession } from "../services/account/sessions.ts";
import { ChangePasswordInput } from "../services/auth/passwords.ts";
import { authedProcedure, router } from "../trpc.ts";

// Everything here acts on the signed-in user's own data; services filter by ctx.auth.user.id.
export const accountRouter = router({
  profile: authedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.auth.user.id)),

  updateProfile: authedProcedure
    .input(UpdateProfileSchema)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.auth.user.id, input)),

  changePassword: authedProcedure.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, ctx.limits, {
      ...input,
      userId: ctx.auth.user.id,
      sessionId: ctx.auth.sessionId,
      ip: ctx.req.ip,
    });
    return { ok: true as const };
  }),

  changeEmail: authedProcedure
    .input(ChangeEmailSchema)
    .mutation(({ ctx, input }) =>
      changeEmail(ctx.db, ctx.limits, { ...input, userId: ctx.auth.user.id, ip: ctx.req.ip }),
    ),

  sessions: router({
    list: authedProcedure.query(({ ctx }) => listSessions(ctx.db, ctx.auth.user.id, ctx.auth.sessionId)),
    revoke: authedProcedure.input(SessionIdSchema).mutation(async ({ ctx, input }) => {
      await revokeSession(ctx.db, ctx.auth.user.id, input.id);
      return { ok: true as const };
    }),
    /** Signs out every other device, keeping this one. */
    revokeOthers: authedProcedure.mutation(async ({ ctx }) => ({
      ended: await revokeAllSessions(ctx.db, ctx.auth.user.id, ctx.auth.sessionId),
    })),
  }),

  addresses: router({
    list: authedProcedure.query(({ ctx }) => listAddresses(ctx.db, ctx.auth.user.id)),
    create: authedProcedure
      .input(AddressSchema)
      .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.auth.user.id, input)),
    update: authedProcedure
      .input(AddressUpdateSchema)
      .mutation(({ ctx, input }) => updateAddress(ctx.db, ctx.auth.user.id, input.id, input.address)),
    delete: authedProcedure.input(ByIdSchema).mutation(async ({ ctx, input }) => {
      await deleteAddress(ctx.db, ctx.auth.user.id, input.id);
      return { ok: true as const };
    }),
    setDefault: authedProcedure.input(SetDefaultAddressSchema).mutation(async ({ ctx, input }) => {
      await setDefaultAddress(ctx.db, ctx.auth.user.id, input.id, input.kind);
      return { ok: true as const };
    }),
  }),
});
