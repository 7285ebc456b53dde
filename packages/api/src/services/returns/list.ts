import type { Prisma, PrismaClient, ReturnStatus } from "@shop/db";
import { openReturnStatuses } from "@shop/validators";
import { keysetPage } from "../../lib/keyset.ts";

const returnRowSelect = {
  id: true,
  status: true,
  reason: true,
  requestedAt: true,
  order: { select: { id: true, number: true, email: true } },
  _count: { select: { items: true } },
} satisfies Prisma.ReturnSelect;

/** The returns a filter means: one status, or every one still to process ("OPEN", as the to-do home counts). */
export const returnsWhere = (status: ReturnStatus | "OPEN" | undefined): Prisma.ReturnWhereInput =>
  status === "OPEN" ? { status: { in: [...openReturnStatuses] } } : status ? { status } : {};

/** Returns, newest first, optionally of one status or all still open (the staff's queue). */
export const listReturns = (
  db: PrismaClient,
  input: { status?: ReturnStatus | "OPEN"; cursor?: string | null; limit: number },
) =>
  keysetPage(input, (after, take) =>
    db.return.findMany({
      where: { ...returnsWhere(input.status), ...(after && { id: { lt: after[1] } }) },
      select: returnRowSelect,
      orderBy: { id: "desc" },
      take,
    }),
  );
