import { InventoryReason } from "@shop/db/enums";
import { z } from "zod";
import type { stockHistory } from "../services/inventory/queries.ts";

// A variant's stock movements (see outputs/catalog.ts for how this stays true). Stock rows are
// `StockRow`, the schema their SQL is parsed with (services/inventory/queries.ts).

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const id = z.number().int();

export const StockHistoryOutput = z.object({
  items: z.array(
    z.object({
      id,
      reason: z.enum(InventoryReason),
      delta: z.number().int(),
      reservedDelta: z.number().int(),
      stockAfter: z.number().int(),
      reservedAfter: z.number().int(),
      note: z.string().nullable(),
      createdAt: z.date(),
      actor: z.object({ id, name: z.string(), email: z.string() }).nullable(),
      order: z.object({ id, number: z.number().int() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<Out<typeof stockHistory>>;
