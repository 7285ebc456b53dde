import type { Prisma, PrismaClient } from "@shop/db";
import type { z } from "zod";
import type { CouponInputSchema } from "@shop/validators";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { jsonSnapshot, recordAudit } from "../audit/record.ts";
import type { AuthUser } from "../auth/sessions.ts";

type CouponData = z.output<typeof CouponInputSchema>;

const couponSelect = {
  id: true,
  code: true,
  description: true,
  type: true,
  value: true,
  minSubtotal: true,
  startsAt: true,
  endsAt: true,
  usageLimit: true,
  perCustomerLimit: true,
  usageCount: true,
  active: true,
  createdAt: true,
  products: { select: { productId: true } },
  categories: { select: { categoryId: true } },
} satisfies Prisma.CouponSelect;

const toView = ({ products, categories, ...coupon }: Prisma.CouponGetPayload<{ select: typeof couponSelect }>) => ({
  ...coupon,
  productIds: products.map((p) => p.productId),
  categoryIds: categories.map((c) => c.categoryId),
});

/** Usage limits are an admin's call (they cap what the shop gives away); staff edit the rest. */
function assertMayChangeLimits(
  actor: AuthUser,
  before: { usageLimit: number | null; perCustomerLimit: number | null } | null,
  data: CouponData,
) {
  if (actor.role === "ADMIN") return;
  const limit = data.usageLimit ?? null;
  const perCustomer = data.perCustomerLimit ?? null;
  if ((before?.usageLimit ?? null) !== limit || (before?.perCustomerLimit ?? null) !== perCustomer) {
    throw new AppError("FORBIDDEN", "Only an admin can set a coupon's usage limits");
  }
}

const writeData = (data: CouponData) => ({
  code: data.code,
  description: data.description,
  type: data.type,
  value: data.type === "FREE_SHIPPING" ? 0 : data.value,
  minSubtotal: data.minSubtotal ?? null,
  startsAt: data.startsAt ?? null,
  endsAt: data.endsAt ?? null,
  usageLimit: data.usageLimit ?? null,
  perCustomerLimit: data.perCustomerLimit ?? null,
  active: data.active,
});

export async function createCoupon(db: PrismaClient, actor: AuthUser, data: CouponData) {
  assertMayChangeLimits(actor, null, data);
  try {
    return await db.$transaction(async (tx) => {
      const coupon = await tx.coupon.create({
        data: {
          ...writeData(data),
          products: { create: data.productIds.map((productId) => ({ productId })) },
          categories: { create: data.categoryIds.map((categoryId) => ({ categoryId })) },
        },
        select: couponSelect,
      });
      await recordAudit(tx, {
        actor,
        action: "coupon.create",
        entityType: "Coupon",
        entityId: coupon.id,
        after: jsonSnapshot(toView(coupon)),
      });
      return toView(coupon);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A coupon with this code already exists", { field: "code" });
    throw error;
  }
}

export async function updateCoupon(db: PrismaClient, actor: AuthUser, id: number, data: CouponData) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.coupon.findUnique({ where: { id }, select: couponSelect });
      if (!before) throw new AppError("NOT_FOUND", "Coupon not found");
      assertMayChangeLimits(actor, before, data);
      if (data.usageLimit != null && data.usageLimit < before.usageCount) {
        throw new AppError("BAD_INPUT", `It has been used ${before.usageCount} times already`, { field: "usageLimit" });
      }
      await tx.couponProduct.deleteMany({ where: { couponId: id } });
      await tx.couponCategory.deleteMany({ where: { couponId: id } });
      const coupon = await tx.coupon.update({
        where: { id },
        data: {
          ...writeData(data),
          products: { create: data.productIds.map((productId) => ({ productId })) },
          categories: { create: data.categoryIds.map((categoryId) => ({ categoryId })) },
        },
        select: couponSelect,
      });
      await recordAudit(tx, {
        actor,
        action: "coupon.update",
        entityType: "Coupon",
        entityId: id,
        before: jsonSnapshot(toView(before)),
        after: jsonSnapshot(toView(coupon)),
      });
      return toView(coupon);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A coupon with this code already exists", { field: "code" });
    throw error;
  }
}

export async function setCouponActive(db: PrismaClient, actor: AuthUser, id: number, active: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.coupon.findUnique({ where: { id }, select: { active: true } });
    if (!before) throw new AppError("NOT_FOUND", "Coupon not found");
    await tx.coupon.update({ where: { id }, data: { active }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: active ? "coupon.activate" : "coupon.deactivate",
      entityType: "Coupon",
      entityId: id,
      before,
      after: { active },
    });
    return { id, active };
  });
}

/** Coupons with their redemptions, discount given and revenue of the orders that used them. */
export async function listCoupons(db: PrismaClient, input: { search?: string; cursor?: string | null; limit: number }) {
  const page = await keysetPage(input, (after, take) =>
    db.coupon.findMany({
      where: {
        ...(input.search && { code: { contains: input.search.toUpperCase() } }),
        ...(after && { id: { lt: after[1] } }),
      },
      select: couponSelect,
      orderBy: { id: "desc" },
      take,
    }),
  );
  const stats = await couponStats(
    db,
    page.items.map((c) => c.id),
  );
  return {
    ...page,
    items: page.items.map((row) => ({
      ...toView(row),
      ...(stats.get(row.id) ?? { redemptions: 0, discountTotal: 0, revenue: 0 }),
    })),
  };
}

async function couponStats(db: PrismaClient, ids: number[]) {
  if (ids.length === 0) return new Map<number, { redemptions: number; discountTotal: number; revenue: number }>();
  const groups = await db.couponRedemption.groupBy({
    by: ["couponId"],
    where: { couponId: { in: ids } },
    _count: true,
    _sum: { discountAmount: true },
  });
  const revenue = await db.order.groupBy({
    by: ["couponId"],
    where: { couponId: { in: ids }, paidAt: { not: null }, state: { not: "CANCELLED" } },
    _sum: { total: true, refundedTotal: true },
  });
  const revenueBy = new Map(revenue.map((r) => [r.couponId, (r._sum.total ?? 0) - (r._sum.refundedTotal ?? 0)]));
  return new Map(
    groups.map((g) => [
      g.couponId,
      { redemptions: g._count, discountTotal: g._sum.discountAmount ?? 0, revenue: revenueBy.get(g.couponId) ?? 0 },
    ]),
  );
}

export async function getCoupon(db: PrismaClient, id: number) {
  const coupon = await db.coupon.findUnique({ where: { id }, select: couponSelect });
  if (!coupon) throw new AppError("NOT_FOUND", "Coupon not found");
  const redemptions = await db.couponRedemption.findMany({
    where: { couponId: id },
    select: {
      id: true,
      email: true,
      discountAmount: true,
      createdAt: true,
      order: {
        select: { id: true, number: true, total: true, paymentStatus: true, fulfillmentStatus: true, state: true },
      },
    },
    orderBy: { id: "desc" },
    take: 100,
  });
  const stats = (await couponStats(db, [id])).get(id) ?? { redemptions: 0, discountTotal: 0, revenue: 0 };
  return { ...toView(coupon), ...stats, recentRedemptions: redemptions };
}
