import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { describeDevice } from "../auth/devices.ts";

/** The signed-in user's active sessions, most recently used first. */
export async function listSessions(db: PrismaClient, userId: number, currentSessionId: string) {
  const sessions = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastUsedAt: true },
    orderBy: { lastUsedAt: "desc" },
  });
  return sessions.map(({ userAgent, ...session }) => ({
    ...session,
    device: describeDevice(userAgent),
    current: session.id === currentSessionId,
  }));
}

/** Ends one of the user's own sessions; anyone else's is NOT_FOUND. */
export async function revokeSession(db: PrismaClient, userId: number, sessionId: string): Promise<void> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Session not found");
}

/** Signs the user out everywhere, or everywhere but `keepSessionId`. */
export async function revokeAllSessions(db: PrismaClient, userId: number, keepSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepSessionId && { id: { not: keepSessionId } }) },
  });
  return count;
}
