import { Prisma, type PrismaClient } from "@shop/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { parseRows } from "../../lib/sql.ts";
import { lowStockWhere, thresholdSql } from "./low-stock.ts";

const StockRow = z.object({
  id: z.number(),
  sku: z.string(),
  title: z.string(),
  productId: z.number(),
  productName: z.string(),
  productStatus: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
  stockOnHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  /** The variant's own threshold; null means the shop default applies. */
  lowStockThreshold: z.number().nullable(),
  threshold: z.number(),
  lowStockAlertedAt: z.date().nullable(),
});
export type StockRow = z.infer<typeof StockRow>;

const columns = Prisma.sql`v."id", v."sku", v."title", p."id" AS "productId", p."name" AS "productName", p."status"::text AS "productStatus",
  v."stockOnHand", v."reserved", v."stockOnHand" - v."reserved" AS "available", v."lowStockThreshold", ${thresholdSql} AS "threshold", v."lowStockAlertedAt"`;

/**
 * Stock per variant. The low-stock list is ordered by units available (reorder the emptiest
 * first), everything else by SKU; both page by keyset on (key, id).
 */
export async function listStock(
  db: PrismaClient,
  input: { search?: string; lowStock?: boolean; cursor?: string | null; limit: number },
) {
  const after = decodeCursor(input.cursor);
  const filters: Prisma.Sql[] = [];
  if (input.lowStock) filters.push(lowStockWhere);
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, "\\$&")}%`;
    filters.push(Prisma.sql`(v."sku" ILIKE ${like} OR p."name" ILIKE ${like})`);
  }
  if (after) {
    filters.push(
      input.lowStock
        ? Prisma.sql`(v."stockOnHand" - v."reserved", v."id") > (${Number(after[0])}::int, ${after[1]}::int)`
        : Prisma.sql`(v."sku", v."id") > (${String(after[0])}, ${after[1]}::int)`,
    );
  }
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const order = input.lowStock ? Prisma.sql`ORDER BY "available", v."id"` : Prisma.sql`ORDER BY v."sku", v."id"`;
  const rows = await parseRows(
    StockRow,
    db.$queryRaw`SELECT ${columns} FROM "Variant" v JOIN "Product" p ON p."id" = v."productId" ${where} ${order} LIMIT ${input.limit + 1}`,
  );
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor([input.lowStock ? last.available : last.sku, last.id]) : null;
  return { items, nextCursor };
}

export async function getStock(db: PrismaClient, variantId: number): Promise<StockRow> {
  const [row] = await parseRows(
    StockRow,
    db.$queryRaw`SELECT ${columns} FROM "Variant" v JOIN "Product" p ON p."id" = v."productId" WHERE v."id" = ${variantId}`,
  );
  if (!row) throw new AppError("NOT_FOUND", "No such variant");
  return row;
}

export const movementSelect = {
  id: true,
  reason: true,
  delta: true,
  reservedDelta: true,
  stockAfter: true,
  reservedAfter: true,
  note: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true } },
  order: { select: { id: true, number: true } },
} satisfies Prisma.InventoryMovementSelect;

/** A variant's movements, newest first. */
export async function stockHistory(
  db: PrismaClient,
  input: { variantId: number; cursor?: string | null; limit: number },
) {
  const after = decodeCursor(input.cursor);
  const rows = await db.inventoryMovement.findMany({
    where: { variantId: input.variantId, ...(after && { id: { lt: after[1] } }) },
    select: movementSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([null, last.id]) : null };
}
