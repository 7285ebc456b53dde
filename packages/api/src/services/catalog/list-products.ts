import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { productCardSelect, toProductCard } from "../../selects/product.ts";

/** Active products, newest first, one keyset page at a time. */
export async function listProducts(
  db: PrismaClient,
  config: ApiConfig,
  input: { cursor?: string | null; limit: number },
) {
  const after = decodeCursor(input.cursor);
  const rows = await db.product.findMany({
    where: {
      status: "ACTIVE",
      ...(after && {
        OR: [
          { createdAt: { lt: new Date(String(after[0])) } },
          { createdAt: new Date(String(after[0])), id: { lt: after[1] } },
        ],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: productCardSelect,
    relationLoadStrategy: "join",
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toProductCard(config, row)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
