import type { Prisma, PrismaClient } from "@shop/db";
import { keysetPage } from "../../lib/keyset.ts";

export const auditSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  createdAt: true,
  actorEmail: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

export type AuditFilter = {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  cursor?: string | null;
  limit: number;
};

/** The audit trail, newest first; ids grow with time, so the id alone is the keyset. */
export async function listAudit(db: PrismaClient, input: AuditFilter) {
  const page = await keysetPage(input, (after, take) =>
    db.auditLog.findMany({
      where: {
        ...(input.actorId !== undefined && { actorId: input.actorId }),
        ...(input.entityType && { entityType: input.entityType }),
        ...(input.entityId && { entityId: input.entityId }),
        // An action filter of "order." matches every order action.
        ...(input.action &&
          (input.action.endsWith(".") ? { action: { startsWith: input.action } } : { action: input.action })),
        ...((input.from || input.to) && {
          createdAt: { ...(input.from && { gte: input.from }), ...(input.to && { lt: input.to }) },
        }),
        ...(after && { id: { lt: after[1] } }),
      },
      select: auditSelect,
      orderBy: { id: "desc" },
      take,
    }),
  );
  return page;
}

/** What the filters offer: the entity types and actions recorded so far, and who acted. */
export async function auditFacets(db: PrismaClient) {
  const [types, actions, actors] = await Promise.all([
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.user.findMany({
      where: { auditLogs: { some: {} } },
      select: { id: true, name: true, email: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { entityTypes: types.map((t) => t.entityType), actions: actions.map((a) => a.action), actors };
}
