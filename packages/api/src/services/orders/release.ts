import { qb, type Prisma } from "@shop/db";
import { prismaQuery } from "../../lib/sql.ts";
import { releaseStock } from "../inventory/stock.ts";

type Tx = Prisma.TransactionClient;

/** Gives back the stock an unshipped order still holds (less what was already refunded). */
export async function releaseOrderStock(tx: Tx, orderId: number, actorId: number | null): Promise<void> {
  const items = await tx.orderItem.findMany({
    where: { orderId, variantId: { not: null } },
    select: { variantId: true, quantity: true, refundedQuantity: true },
    orderBy: { variantId: "asc" },
  });
  for (const item of items) {
    const quantity = item.quantity - item.refundedQuantity;
    if (item.variantId !== null && quantity > 0)
      await releaseStock(tx, { variantId: item.variantId, quantity, orderId, actorId });
  }
}

/** A cancelled order gives its coupon use back. */
export async function restoreCouponUse(tx: Tx, orderId: number): Promise<void> {
  const redemption = await tx.couponRedemption.findUnique({ where: { orderId }, select: { id: true, couponId: true } });
  if (!redemption) return;
  await tx.couponRedemption.delete({ where: { id: redemption.id } });
  await prismaQuery(
    tx,
    qb
      .updateTable("Coupon")
      .set((eb) => ({ usageCount: eb("usageCount", "-", 1) }))
      .where("id", "=", redemption.couponId)
      .where("usageCount", ">", 0),
  );
}
