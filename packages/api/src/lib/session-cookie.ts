import type { RequestInfo } from "../context.ts";
import { SESSION_COOKIE } from "../services/auth/sessions.ts";

export function setSessionCookie(req: RequestInfo, token: string, expiresAt: Date) {
  req.setCookie(SESSION_COOKIE, token, { expires: expiresAt });
}

export function clearSessionCookie(req: RequestInfo) {
  req.setCookie(SESSION_COOKIE, "", { maxAge: 0 });
}
