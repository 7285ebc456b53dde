import { ConfirmSignUpSchema, RequestPasswordResetSchema, SessionDeliverySchema, SignInSchema } from "@shop/validators";
import { z } from "zod";
import { adoptGuestCart } from "../lib/cart.ts";
import { clearSessionCookie, startSession } from "../lib/session-cookie.ts";
import { requestPasswordReset, resetPassword } from "../services/auth/password-reset.ts";
import { RegisterInput, ResetPasswordInput } from "../services/auth/passwords.ts";
import { confirmSignUp, requestSignUp } from "../services/auth/register.ts";
import { invalidateSession } from "../services/auth/sessions.ts";
import { signIn } from "../services/auth/sign-in.ts";
import { revokeAllSessions } from "../services/account/sessions.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.auth?.user ?? null),

  /**
   * Starts a sign-up. The answer is the same whether or not the address has an account (no one
   * learns who shops here): the address gets an email either way, with a link that creates the
   * account, or telling its owner someone tried.
   */
  register: publicProcedure.input(RegisterInput).mutation(async ({ ctx, input }) => {
    await requestSignUp(ctx.db, ctx.limits, { ...input, ip: ctx.req.ip, publicUrl: ctx.config.publicUrl });
    return { ok: true as const };
  }),

  /** The emailed link: creates the account, once, and signs it in. */
  confirmSignUp: publicProcedure.input(ConfirmSignUpSchema).mutation(async ({ ctx, input }) => {
    const session = await confirmSignUp(ctx.db, ctx.limits, {
      token: input.token,
      ip: ctx.req.ip,
      userAgent: ctx.req.userAgent,
    });
    await adoptGuestCart(ctx, session.user.id);
    return startSession(ctx.req, session, input.session);
  }),

  signIn: publicProcedure
    .input(
      SignInSchema.extend({
        audience: z.enum(["storefront", "admin"]).default("storefront"),
        session: SessionDeliverySchema,
      }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.db, ctx.limits, { ...input, userAgent: ctx.req.userAgent, ip: ctx.req.ip });
      if (input.audience === "storefront") await adoptGuestCart(ctx, session.user.id);
      return startSession(ctx.req, session, input.session);
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await invalidateSession(ctx.db, ctx.auth.sessionId);
    clearSessionCookie(ctx.req);
    return { ok: true as const };
  }),

  /** Signs out of every device, this one included. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await revokeAllSessions(ctx.db, ctx.auth.user.id);
    clearSessionCookie(ctx.req);
    return { ended };
  }),

  requestPasswordReset: publicProcedure.input(RequestPasswordResetSchema).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, ctx.limits, {
      email: input.email,
      ip: ctx.req.ip,
      publicUrl: ctx.config.publicUrl,
    });
    // The same answer whether or not the account exists.
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(ResetPasswordInput).mutation(async ({ ctx, input }) => {
    const session = await resetPassword(ctx.db, ctx.limits, { ...input, ip: ctx.req.ip, userAgent: ctx.req.userAgent });
    await adoptGuestCart(ctx, session.user.id);
    return startSession(ctx.req, session, input.session);
  }),
});
