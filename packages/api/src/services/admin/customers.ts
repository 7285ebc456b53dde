import type { Prisma, PrismaClient, Role } from "@shop/db";
import { AppError } from "../../errors.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { addressSelect } from "../account/addresses.ts";
import { recordAudit } from "../audit/record.ts";
import type { AuthUser } from "../auth/sessions.ts";

const customerRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  lastSignInAt: true,
  _count: { select: { orders: true } },
} satisfies Prisma.UserSelect;

export async function listCustomers(
  db: PrismaClient,
  input: { search?: string; role?: Role; status?: "active" | "disabled"; cursor?: string | null; limit: number },
) {
  const search = input.search?.trim();
  const page = await keysetPage(input, (after, take) =>
    db.user.findMany({
      where: {
        ...(input.role && { role: input.role }),
        ...(input.status && { disabledAt: input.status === "disabled" ? { not: null } : null }),
        ...(search && {
          OR: [
            { email: { contains: search, mode: "insensitive" } },
            { name: { contains: search, mode: "insensitive" } },
          ],
        }),
        ...(after && { id: { lt: after[1] } }),
      },
      orderBy: { id: "desc" },
      take,
      select: customerRowSelect,
    }),
  );
  return { ...page, items: page.items.map(({ _count, ...row }) => ({ ...row, orderCount: _count.orders })) };
}

export async function getCustomer(db: PrismaClient, userId: number) {
  const customer = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...customerRowSelect,
      defaultShippingAddressId: true,
      defaultBillingAddressId: true,
      addresses: { select: addressSelect, orderBy: { id: "asc" } },
      orders: {
        select: {
          id: true,
          number: true,
          paymentStatus: true,
          fulfillmentStatus: true,
          state: true,
          total: true,
          currency: true,
          placedAt: true,
        },
        orderBy: { placedAt: "desc" },
        take: 20,
      },
      reviews: {
        select: {
          id: true,
          rating: true,
          title: true,
          status: true,
          createdAt: true,
          product: { select: { name: true, slug: true } },
        },
        orderBy: { createdAt: "desc" },
        take: 20,
      },
    },
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
  const { _count, ...rest } = customer;
  return { ...rest, orderCount: _count.orders };
}

/**
 * Disabling ends the user's sessions at once. Staff may disable customers; only admins may
 * disable staff or admins; nobody disables themselves.
 */
export async function setUserDisabled(
  db: PrismaClient,
  actor: AuthUser,
  input: { userId: number; disabled: boolean; ip: string | null },
) {
  if (input.userId === actor.id) throw new AppError("FORBIDDEN", "You cannot disable your own account");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, role: true, disabledAt: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "Customer not found");
    if (user.role !== "CUSTOMER" && actor.role !== "ADMIN") {
      throw new AppError("FORBIDDEN", "Only an admin can disable staff accounts");
    }
    const disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
    await tx.user.update({ where: { id: user.id }, data: { disabledAt } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actor,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: user.id,
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabledAt?.toISOString() ?? null },
      ip: input.ip,
    });
    return { id: user.id, disabledAt };
  });
}

/** Admins change roles; the last admin cannot be demoted, and admins do not demote themselves. */
export async function setUserRole(
  db: PrismaClient,
  actor: AuthUser,
  input: { userId: number; role: Role; ip: string | null },
) {
  if (input.userId === actor.id) throw new AppError("FORBIDDEN", "You cannot change your own role");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "Customer not found");
    if (user.role === "ADMIN" && input.role !== "ADMIN") {
      const admins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
      if (admins <= 1) throw new AppError("PRECONDITION_FAILED", "The shop needs at least one admin");
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    // A role change takes effect on a fresh session with the new role's lifetimes.
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actor,
      action: "user.role",
      entityType: "User",
      entityId: user.id,
      before: { role: user.role },
      after: { role: input.role },
      ip: input.ip,
    });
    return { id: user.id, role: input.role };
  });
}
