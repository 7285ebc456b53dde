import { SignInSchema } from "@shop/validators";
import { z } from "zod";
import { clearSessionCookie, setSessionCookie } from "../lib/session-cookie.ts";
import { invalidateSession } from "../services/auth/sessions.ts";
import { signIn } from "../services/auth/sign-in.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.auth?.user ?? null),

  signIn: publicProcedure
    .input(SignInSchema.extend({ audience: z.enum(["storefront", "admin"]).default("storefront") }).strict())
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.db, { ...input, userAgent: ctx.req.userAgent, ip: ctx.req.ip });
      setSessionCookie(ctx.req, session.token, session.expiresAt);
      // The token is also returned for API clients, which send it as `Authorization: Bearer`.
      return { user: session.user, token: session.token, expiresAt: session.expiresAt };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await invalidateSession(ctx.db, ctx.auth.sessionId);
    clearSessionCookie(ctx.req);
    return { ok: true as const };
  }),
});
