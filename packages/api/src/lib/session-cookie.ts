import type { SessionDelivery } from "@shop/validators";
import type { RequestInfo } from "../context.ts";
import { SESSION_COOKIE } from "../services/auth/sessions.ts";

export function setSessionCookie(req: RequestInfo, token: string, expiresAt: Date) {
  req.setCookie(SESSION_COOKIE, token, { expires: expiresAt });
}

export function clearSessionCookie(req: RequestInfo) {
  req.setCookie(SESSION_COOKIE, "", { maxAge: 0 });
}

/**
 * Hands a new session to the client the way it asked: browsers get only the HttpOnly cookie (a
 * token in the body would be readable by any script on the page); API clients that ask for
 * `session: "bearer"` get only the token, to send as `Authorization: Bearer <token>`.
 */
export function startSession<User>(
  req: RequestInfo,
  session: { token: string; expiresAt: Date; user: User },
  delivery: SessionDelivery,
) {
  if (delivery === "bearer") return { user: session.user, expiresAt: session.expiresAt, token: session.token };
  setSessionCookie(req, session.token, session.expiresAt);
  return { user: session.user, expiresAt: session.expiresAt, token: null };
}
