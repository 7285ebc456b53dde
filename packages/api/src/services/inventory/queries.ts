import { Prisma, type PrismaClient } from "@shop/db";
import { ProductStatus } from "@shop/db/enums";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import type { CursorValue } from "../../lib/cursor.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { parseRows } from "../../lib/sql.ts";
import { lowStockWhere, thresholdSql } from "./low-stock.ts";

/** A variant's stock; also the REST API's declared answer (`.output()`), so the document shows it. */
export const StockRow = z.object({
  id: z.number(),
  sku: z.string(),
  title: z.string(),
  productId: z.number(),
  productName: z.string(),
  productStatus: z.enum(ProductStatus),
  stockOnHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  /** The variant's own threshold; null means the shop default applies. */
  lowStockThreshold: z.number().nullable(),
  threshold: z.number(),
  lowStockAlertedAt: z.date().nullable(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockPage = z.object({ items: z.array(StockRow), nextCursor: z.string().nullable() });

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
  return keysetPage(
    input,
    (after, take) => stockPage(db, input, after, take),
    (last) => [input.lowStock ? last.available : last.sku, last.id],
  );
}

async function stockPage(
  db: PrismaClient,
  input: { search?: string; lowStock?: boolean },
  after: CursorValue | null,
  take: number,
) {
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
  return parseRows(
    StockRow,
    db.$queryRaw`SELECT ${columns} FROM "Variant" v JOIN "Product" p ON p."id" = v."productId" ${where} ${order} LIMIT ${take}`,
  );
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
  return keysetPage(input, (after, take) =>
    db.inventoryMovement.findMany({
      where: { variantId: input.variantId, ...(after && { id: { lt: after[1] } }) },
      select: movementSelect,
      orderBy: { id: "desc" },
      take,
    }),
  );
}
