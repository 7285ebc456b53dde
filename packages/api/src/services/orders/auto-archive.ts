import type { Prisma, PrismaClient, ReturnStatus } from "@shop/db";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { archiveRefusal, setArchived, statusSelect, SYSTEM, type Actor } from "./transitions.ts";

type Tx = Prisma.TransactionClient;

const AUTO_ARCHIVE_KEY = "orders.autoArchive";

export const openReturnStatuses: ReturnStatus[] = ["REQUESTED", "APPROVED", "RECEIVED"];
export const openReturns = (tx: Tx, orderId: number) =>
  tx.return.count({ where: { orderId, status: { in: openReturnStatuses } } });

export async function autoArchiveEnabled(db: Pick<PrismaClient, "setting">): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: AUTO_ARCHIVE_KEY }, select: { value: true } });
  return setting?.value === true;
}

export async function setAutoArchive(db: PrismaClient, actor: AuditActor, enabled: boolean, ip: string | null) {
  await db.$transaction(async (tx) => {
    const before = await autoArchiveEnabled(tx);
    await tx.setting.upsert({
      where: { key: AUTO_ARCHIVE_KEY },
      create: { key: AUTO_ARCHIVE_KEY, value: enabled },
      update: { value: enabled },
    });
    await recordAudit(tx, {
      actor,
      action: "settings.orders",
      entityType: "Setting",
      entityId: AUTO_ARCHIVE_KEY,
      before: { autoArchive: before },
      after: { autoArchive: enabled },
      ip,
    });
  });
  return { autoArchive: enabled };
}

/** With "auto-archive" on, an order that has just become finished is archived by the system. */
export async function autoArchive(tx: Tx, orderId: number) {
  if (!(await autoArchiveEnabled(tx))) return;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: statusSelect });
  if (order.archivedAt || archiveRefusal(order, await openReturns(tx, orderId))) return;
  await setArchived(tx, order, true, SYSTEM, { message: "Archived automatically once fulfilled" });
}

/** A shopper's return request brings an archived order back to the list staff work from. */
export async function unarchiveForReturn(tx: Tx, order: { id: number; archivedAt: Date | null }, actor: Actor) {
  if (order.archivedAt) await setArchived(tx, order, false, actor, { message: "A return was requested" });
}
