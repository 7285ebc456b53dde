import type { Prisma, ReturnStatus } from "@shop/db";
import { AppError } from "../../errors.ts";
import { notifyOrder } from "../orders/notify.ts";
import { recordEvent, type Actor } from "../orders/transitions.ts";
import { returnEmail } from "./emails.ts";
import { emitReturnEvent } from "./webhook.ts";

type Tx = Prisma.TransactionClient;

const allowed: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REQUESTED: ["APPROVED", "REJECTED"],
  APPROVED: ["RECEIVED"],
  RECEIVED: ["REFUNDED"],
  REJECTED: [],
  REFUNDED: [],
};

export const words: Record<ReturnStatus, string> = {
  REQUESTED: "requested",
  APPROVED: "approved",
  REJECTED: "rejected",
  RECEIVED: "received",
  REFUNDED: "refunded",
};

export const returnSelect = { id: true, orderId: true, status: true, reason: true } as const;
export type ReturnSnapshot = { id: number; orderId: number; status: ReturnStatus };

/**
 * Every step of a return goes through here: only from the status the caller read (a concurrent
 * step wins and this one fails), recorded in the order's history (and the audit trail for
 * staff), emailed to the shopper through the outbox and sent to webhooks in the same transaction.
 */
export async function moveReturn(
  tx: Tx,
  ret: ReturnSnapshot,
  to: ReturnStatus,
  actor: Actor,
  extra: { note?: string | null; refundId?: number; publicUrl: string },
) {
  if (!allowed[ret.status].includes(to))
    throw new AppError("PRECONDITION_FAILED", `A return that is ${words[ret.status]} cannot be ${words[to]}`);
  const now = new Date();
  const { count } = await tx.return.updateMany({
    where: { id: ret.id, status: ret.status },
    data: {
      status: to,
      decidedAt: to === "APPROVED" || to === "REJECTED" ? now : undefined,
      receivedAt: to === "RECEIVED" ? now : undefined,
      refundedAt: to === "REFUNDED" ? now : undefined,
      ...(extra.note !== undefined && { staffNote: extra.note }),
      ...(extra.refundId !== undefined && { refundId: extra.refundId }),
    },
  });
  if (count !== 1) throw new AppError("CONFLICT", "The return changed meanwhile; reload and try again");
  await recordEvent(tx, ret.orderId, {
    kind: "return",
    from: ret.status,
    to,
    actor,
    message: `Return ${ret.id} ${words[to]}${extra.note ? `: ${extra.note}` : ""}`,
  });
  await announceReturnStep(tx, ret, to, extra.note ?? null, extra.publicUrl);
}

/** Tells the shopper (email, outbox) and integrators (webhook) of a step, in its transaction. */
export async function announceReturnStep(
  tx: Tx,
  ret: { id: number; orderId: number },
  step: ReturnStatus,
  note: string | null,
  publicUrl: string,
) {
  const name = words[step];
  await notifyOrder(tx, ret.orderId, `return-${name}`, (order, url) => returnEmail(step, order, note, url), {
    publicUrl,
    dedupeKey: `return-${name}:${ret.id}`,
  });
  await emitReturnEvent(tx, ret.id, step);
}
