import { generateToken, hashSecret, secretMatches, sessionPolicy, splitToken } from "@shop/auth";
import type { Prisma, PrismaClient, Role } from "@shop/db";

export const SESSION_COOKIE = "shop_session";

export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
} satisfies Prisma.UserSelect;

export type AuthUser = { id: number; email: string; name: string; role: Role };

/** A signed-in person, by session token. */
export type SessionAuth = {
  sessionId: string;
  user: AuthUser;
  /** How the token arrived: cookie-authenticated mutations get CSRF checks. */
  via: "cookie" | "bearer";
};

/**
 * A REST call with an API key: it acts as the staff member who created the key, and only on
 * procedures whose `meta.scope` is one of the key's scopes (checked in `trpc.ts`).
 */
export type ApiKeyAuth = {
  via: "apiKey";
  user: AuthUser;
  key: { id: string; scopes: readonly string[] };
};

export type AuthState = SessionAuth | ApiKeyAuth;

export type NewSession = { id: string; token: string; expiresAt: Date };

export async function createSession(
  db: PrismaClient | Prisma.TransactionClient,
  input: { userId: number; role: Role; userAgent: string | null; ip: string | null; now?: Date },
): Promise<NewSession> {
  const now = input.now ?? new Date();
  const policy = sessionPolicy(input.role);
  const { id, secret, token } = generateToken();
  const absoluteExpiresAt = policy.absoluteTimeoutMs ? new Date(now.getTime() + policy.absoluteTimeoutMs) : null;
  const expiresAt = earliest(new Date(now.getTime() + policy.idleTimeoutMs), absoluteExpiresAt);
  await db.session.create({
    data: {
      id,
      secretHash: hashSecret(secret),
      userId: input.userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      absoluteExpiresAt,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
    },
  });
  return { id, token, expiresAt };
}

export type ValidatedSession = {
  sessionId: string;
  user: AuthUser;
  expiresAt: Date;
  /** True when the expiry moved forward and the cookie should be re-sent. */
  refreshed: boolean;
};

/**
 * Resolves a token to its session and user, or null. Expired sessions and sessions of
 * disabled users are deleted on sight, so disabling a user ends their sessions at once.
 */
export async function validateSessionToken(
  db: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<ValidatedSession | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const session = await db.session.findUnique({
    where: { id: parts.id },
    select: {
      id: true,
      secretHash: true,
      lastUsedAt: true,
      expiresAt: true,
      absoluteExpiresAt: true,
      user: { select: sessionUserSelect },
    },
  });
  if (!session || !secretMatches(parts.secret, session.secretHash)) return null;
  if (session.expiresAt <= now || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const { disabledAt: _disabled, ...user } = session.user;
  const policy = sessionPolicy(user.role);
  if (now.getTime() - session.lastUsedAt.getTime() < policy.touchIntervalMs) {
    return { sessionId: session.id, user, expiresAt: session.expiresAt, refreshed: false };
  }
  const expiresAt = earliest(new Date(now.getTime() + policy.idleTimeoutMs), session.absoluteExpiresAt);
  await db.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: now, expiresAt } });
  return { sessionId: session.id, user, expiresAt, refreshed: true };
}

export async function invalidateSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

function earliest(a: Date, b: Date | null): Date {
  return b && b < a ? b : a;
}
