import type { RequestInfo } from "../context.ts";
import { SESSION_COOKIE } from "../services/auth/sessions.ts";

export function setSessionCookie(req: RequestInfo, token: string, expiresAt: Date) {
  req.setCookie(SESSION_COOKIE, token, { expires: expiresAt });
}

export function clearSessionCookie(req: RequestInfo) {
  req.setCookie(SESSION_COOKIE, "", { maxAge: 0 });
}

/** Sets the cookie for browsers and returns the token for API clients (Authorization: Bearer). */
export function startSession<User>(req: RequestInfo, session: { token: string; expiresAt: Date; user: User }) {
  setSessionCookie(req, session.token, session.expiresAt);
  return { user: session.user, token: session.token, expiresAt: session.expiresAt };
}
