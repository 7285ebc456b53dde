import { qb, type Prisma, type PrismaClient } from "@shop/db";
import { ProductStatus } from "@shop/db/enums";
import { sql } from "kysely";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import type { CursorValue } from "../../lib/cursor.ts";
import { keysetPage } from "../../lib/keyset.ts";
import { prismaQuery, type RowOf } from "../../lib/sql.ts";
import { available, lowStockWhere, threshold } from "./low-stock.ts";

const stockQuery = () =>
  qb
    .selectFrom("Variant as v")
    .innerJoin("Product as p", "p.id", "v.productId")
    .select([
      "v.id",
      "v.sku",
      "v.title",
      "p.id as productId",
      "p.name as productName",
      "p.status as productStatus",
      "v.stockOnHand",
      "v.reserved",
      available.as("available"),
      /** The variant's own threshold; null means the shop default applies. */
      "v.lowStockThreshold",
      threshold.as("threshold"),
      "v.lowStockAlertedAt",
    ]);

/**
 * A variant's stock, also the REST API's declared answer (`rest.output`), so the document shows it.
 * Typed as the query's row: the schema must describe every column the query returns, and the
 * procedures' output type is the row's, so a renamed column still reaches the admin's screens.
 */
export const StockRow: z.ZodType<RowOf<ReturnType<typeof stockQuery>>> = z.object({
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
): Promise<StockRow[]> {
  let query = stockQuery();
  if (input.lowStock) query = query.where(lowStockWhere);
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, "\\$&")}%`;
    query = query.where((eb) => eb.or([eb("v.sku", "ilike", like), eb("p.name", "ilike", like)]));
  }
  if (after) {
    query = query.where((eb) =>
      input.lowStock
        ? // A row comparison over an expression: Kysely's tuples take columns only.
          sql<boolean>`(${available}, ${eb.ref("v.id")}) > (${Number(after[0])}::int, ${after[1]}::int)`
        : eb(eb.refTuple("v.sku", "v.id"), ">", eb.tuple(String(after[0]), after[1])),
    );
  }
  query = input.lowStock ? query.orderBy("available").orderBy("v.id") : query.orderBy("v.sku").orderBy("v.id");
  return prismaQuery(db, query.limit(take));
}

export async function getStock(db: PrismaClient, variantId: number): Promise<StockRow> {
  const [row] = await prismaQuery(db, stockQuery().where("v.id", "=", variantId));
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
