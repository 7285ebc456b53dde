import type { Prisma, PrismaClient, ReturnStatus } from "@shop/db";

const returnRowSelect = {
  id: true,
  status: true,
  reason: true,
  requestedAt: true,
  order: { select: { id: true, number: true, email: true } },
  _count: { select: { items: true } },
} satisfies Prisma.ReturnSelect;

/** The latest returns, newest first, optionally of one status (the staff's queue). */
export const listReturns = (db: PrismaClient, input: { status?: ReturnStatus }) =>
  db.return.findMany({
    where: input.status ? { status: input.status } : {},
    select: returnRowSelect,
    orderBy: { id: "desc" },
    take: 100,
  });
