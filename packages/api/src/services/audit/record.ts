import type { Prisma, PrismaClient } from "@shop/db";

/** Who acted: the signed-in staff member. */
export type AuditActor = { id: number; email: string | null };

export type AuditInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
};

const row = (input: Omit<AuditInput, "actor"> & { actor: AuditActor | null }) => ({
  actorId: input.actor?.id ?? null,
  actorEmail: input.actor?.email ?? null,
  action: input.action,
  entityType: input.entityType,
  entityId: String(input.entityId),
  before: input.before,
  after: input.after,
  ip: input.ip ?? null,
});

/** Appends to the audit trail; call it in the transaction of the change it records. */
export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await db.auditLog.create({ data: row(input), select: { id: true } });
}

/** Something done by an operator at the command line: no signed-in user acted. */
export async function recordOperatorAudit(
  db: PrismaClient | Prisma.TransactionClient,
  input: Omit<AuditInput, "actor">,
): Promise<void> {
  await db.auditLog.create({ data: row({ ...input, actor: null }), select: { id: true } });
}

/** Several records in one insert, e.g. one per product of a bulk action. */
export async function recordAudits(
  db: PrismaClient | Prisma.TransactionClient,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (inputs.length > 0) await db.auditLog.createMany({ data: inputs.map(row) });
}

/** A JSON snapshot of a value for before/after columns (dates become ISO strings). */
export function jsonSnapshot(value: unknown): Prisma.InputJsonValue {
  const json: Prisma.InputJsonValue = JSON.parse(JSON.stringify(value ?? null));
  return json;
}
